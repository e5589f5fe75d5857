using System.Net;
using TechMarket.Web.Tests.Infrastructure;

namespace TechMarket.Web.Tests.Auctions;

/// <summary>SPC 2016 Arts 8, 18: not even the operator's staff see who bids before the close — the audit log included.</summary>
public abstract class AuctionAuditSealTests(TechMarketSite site)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_center_audit_log_hides_who_bids_until_the_auction_closes()
    {
        site.SkipUnlessAvailable();
        var auction = await AuctionScenario.CreateAsync(site, startFen: 1_000_000, reserveFen: null, stepFen: 50_000);
        var bidder = await AuctionScenario.NewBidderAsync(site, "审计保密测试科技有限公司");
        var code = await AuctionScenario.RegisterAsync(site, auction.Id, bidder.OrganizationId);
        var bid = await AuctionScenario.BidAsync(bidder.Client, auction.Id, 1_000_000);
        Assert.Equal(HttpStatusCode.OK, bid.StatusCode);
        var user = site.WithDb(db => db.Users.Single(u => u.Email == bidder.Email).Id);
        var userId = user.ToString();
        Assert.Contains(site.WithDb(db => db.AuditLog.Where(a => a.EntityType == "Auction").Select(a => a.UserId).ToList()), id => id == user);

        var center = await Accounts.SignedInAsync(site, Accounts.Center);
        foreach (var entity in new[] { "Auction", "AuctionRegistration" })
        {
            var page = await center.GetStringAsync(new Uri($"/Center/Audit?entity={entity}", UriKind.Relative), Ct);
            Assert.Contains("sealed until the auction closes", page, StringComparison.Ordinal);
            Assert.False(page.Contains(userId, StringComparison.OrdinalIgnoreCase), $"{entity}: the bidder's user id is shown");
            Assert.False(page.Contains(bidder.OrganizationId.ToString(), StringComparison.OrdinalIgnoreCase), $"{entity}: the bidder's organisation id is shown");
            // Bidder codes are public (the bid history shows them); what must not appear is a code beside its organisation.
            if (entity == "AuctionRegistration") Assert.False(code is not null && page.Contains(code, StringComparison.Ordinal), $"{entity}: the bidder code {code} is shown");
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteAuctionAuditSealTests(SqliteSite site) : AuctionAuditSealTests(site);

[Collection(PostgresCollection.Name)]
public sealed class PostgresAuctionAuditSealTests(PostgresSite site) : AuctionAuditSealTests(site);
