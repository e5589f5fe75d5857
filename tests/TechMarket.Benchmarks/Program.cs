namespace TechMarket.Benchmarks;

/// <summary>Named, not top-level statements: `Program` is the web site's entry point, which the HTTP leg hosts.</summary>
internal static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args) => args.FirstOrDefault() switch
    {
        "eval" => await EvalCommand.RunAsync(args[1..]),
        "search" => await SearchBenchmark.RunAsync(args[1..]),
        _ => Usage(),
    };

    private static int Usage()
    {
        Console.Error.WriteLine("usage: TechMarket.Benchmarks eval [name:Key=value,...]...");
        Console.Error.WriteLine("       TechMarket.Benchmarks search [--docs 100000] [--queries 1326] [--keep DIR] [--profile] [--tuning name:Key=Value,...]");
        return 2;
    }
}
