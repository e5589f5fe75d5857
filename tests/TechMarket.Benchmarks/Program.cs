using TechMarket.Benchmarks;

return args.FirstOrDefault() switch
{
    "eval" => await EvalCommand.RunAsync(args[1..]),
    "search" => await SearchBenchmark.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: TechMarket.Benchmarks eval [name:Key=value,...]...");
    Console.Error.WriteLine("       TechMarket.Benchmarks search [--docs 100000] [--queries 1326]");
    return 2;
}
