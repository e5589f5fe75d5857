using TechMarket.Domain.Auctions.Replay;

namespace TechMarket.Cli;

/// <summary>
/// <c>techmarket replay-auction FILE.json</c>: recomputes an auction's outcome from its bid log with the live engine
/// (issue 5; SPC 2016 Art. 29) and prints one JSON object. Needs no database or configuration.
/// Exit codes: 0 replayed, 2 bad arguments or invalid input (the message names the field).
/// </summary>
internal static class ReplayAuctionCommand
{
    public const string Name = "replay-auction";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length != 1)
        {
            await error.WriteLineAsync($"usage: techmarket {Name} FILE.json");
            return 2;
        }
        string json;
        try
        {
            json = await File.ReadAllTextAsync(args[0]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            await error.WriteLineAsync($"cannot read {args[0]}: {e.Message}");
            return 2;
        }

        var read = AuctionLogJson.Read(json);
        if (read.Log is not { } log)
        {
            await error.WriteLineAsync($"invalid input: {read.Message}");
            return 2;
        }
        await output.WriteLineAsync(AuctionLogJson.WriteResult(AuctionReplay.Run(log)));
        return 0;
    }
}
