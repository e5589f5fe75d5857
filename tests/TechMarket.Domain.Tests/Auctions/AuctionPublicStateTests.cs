using System.Text.Json;
using TechMarket.Domain.Auctions;
using static TechMarket.Domain.Tests.Auctions.AnAuction;

namespace TechMarket.Domain.Tests.Auctions;

/// <summary>Issue 5: the reserve is secret, and bidders see codes, not identities (SPC 2016 Arts 8, 18).</summary>
public sealed class AuctionPublicStateTests
{
    [Fact]
    public void Public_state_has_no_reserve_maximum_or_identity_member()
    {
        // A new member here must be a deliberate decision: extend this list only with public facts.
        Assert.Equal(
            ["AcceptedBids", "EndsAt", "History", "IsClosed", "Leader", "NextMinimum", "OpensAt", "Price", "ProxyBidding", "StartPrice"],
            typeof(AuctionPublicState).GetProperties().Select(p => p.Name).Where(n => n != "EqualityContract").Order(StringComparer.Ordinal));
        Assert.Equal(["At", "Bidder", "LeaderAfter", "PriceAfter"],
            typeof(PublicBid).GetProperties().Select(p => p.Name).Where(n => n != "EqualityContract").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Auctions_differing_only_in_reserve_or_leader_maximum_look_the_same()
    {
        var lowReserve = WithManualBidding().WithReserve(Yuan(12_000)).Build();
        var highReserve = WithManualBidding().WithReserve(Yuan(90_000)).Build();
        foreach (var auction in new[] { lowReserve, highReserve }) auction.PlaceBid(Bidder.A, Yuan(11_000), T0.AddMinutes(1));
        Assert.Equal(Json(lowReserve.PublicState()), Json(highReserve.PublicState()));

        var modestMax = WithProxyBidding().Build();
        var hugeMax = WithProxyBidding().Build();
        modestMax.PlaceBid(Bidder.A, Yuan(20_000), T0.AddMinutes(1));
        hugeMax.PlaceBid(Bidder.A, Yuan(900_000), T0.AddMinutes(1));
        Assert.Equal(Json(modestMax.PublicState()), Json(hugeMax.PublicState()));
        Assert.Equal(Yuan(10_000), modestMax.PublicState().Price);
        Assert.Equal(Yuan(10_500), modestMax.PublicState().NextMinimum);
    }

    [Theory]
    [InlineData("A", true)]
    [InlineData("竞买号-07", true)]
    [InlineData("", false)]
    [InlineData("A B", false)]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456", false)] // 33 characters
    public void Bidder_codes_are_short_words(string code, bool valid)
    {
        Assert.Equal(valid, BidderCode.IsValid(code));
        if (!valid) Assert.Throws<ArgumentException>(() => new BidderCode(code));
    }

    private static string Json(AuctionPublicState state) => JsonSerializer.Serialize(state);
}
