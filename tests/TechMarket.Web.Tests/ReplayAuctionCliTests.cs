using System.Text.Json;
using TechMarket.Cli;

namespace TechMarket.Web.Tests;

/// <summary>
/// Issue 5: <c>techmarket replay-auction FILE.json</c> through the CLI's entry point. The command needs no database,
/// so these tests use no site fixture. The engine and the format are tested in TechMarket.Domain.Tests.
/// </summary>
public sealed class ReplayAuctionCliTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("techmarket-replay-").FullName;

    private const string Log = """
        { "auction": { "startPriceFen": 1000000, "reservePriceFen": 1100000,
                       "increment": { "fixedFen": 50000 },
                       "opensAt": "2026-12-01T02:00:00Z", "endsAt": "2026-12-01T10:00:00Z",
                       "softCloseSeconds": 300, "extensionSeconds": 300, "proxyBidding": true,
                       "priorityBidders": [ { "bidder": "P", "rank": 1 } ] },
          "bids": [ { "bidder": "A", "maxFen": 1200000, "at": "2026-12-01T03:00:00Z" },
                    { "bidder": "B", "maxFen": 1300000, "at": "2026-12-01T09:58:00Z" },
                    { "bidder": "A", "maxFen": 1200000, "at": "2026-12-01T09:59:00Z" } ] }
        """;

    [Fact]
    public async Task Replay_prints_the_outcome_as_one_json_object_and_exits_zero()
    {
        var (code, output, error) = await RunAsync("replay-auction", Write("log.json", Log));

        Assert.Equal(0, code);
        Assert.Equal("", error);
        using var result = JsonDocument.Parse(output);
        var root = result.RootElement;
        Assert.Equal("sold", root.GetProperty("status").GetString());
        Assert.Equal("B", root.GetProperty("winner").GetString());
        Assert.Equal(1_250_000, root.GetProperty("priceFen").GetInt64()); // A's max + one step
        Assert.Equal("2026-12-01T10:03:00Z", root.GetProperty("endsAt").GetString()); // B's bid in the last 5 min (SPC 2016 Art. 20)
        Assert.Equal(2, root.GetProperty("accepted").GetInt32());
        Assert.Equal(1, root.GetProperty("rejected").GetInt32());
        var last = root.GetProperty("bids")[2];
        Assert.Equal("below_minimum", last.GetProperty("reason").GetString());
        Assert.Equal("B", last.GetProperty("leaderAfter").GetString());
    }

    [Fact]
    public async Task Invalid_input_exits_two_and_names_the_field()
    {
        var (code, output, error) = await RunAsync("replay-auction", Write("bad.json", Log.Replace("\"startPriceFen\": 1000000", "\"startPriceFen\": \"ten\"", StringComparison.Ordinal)));

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("auction.startPriceFen", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_or_argument_exits_two()
    {
        var missing = await RunAsync("replay-auction", Path.Combine(folder, "nope.json"));
        var noArgument = await RunAsync("replay-auction");

        Assert.Equal(2, missing.Code);
        Assert.Contains("nope.json", missing.Error, StringComparison.Ordinal);
        Assert.Equal(2, noArgument.Code);
        Assert.Contains("usage", noArgument.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Usage_lists_the_replay_command()
    {
        var (code, output, _) = await RunAsync("--help");

        Assert.Equal(0, code);
        Assert.Contains("replay-auction FILE.json", output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
