using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Rights;
using TechMarket.Infrastructure.Auctions;
using TechMarket.Infrastructure.Catalogue;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Financing;
using TechMarket.Web.Tests.Infrastructure;

namespace TechMarket.Web.Tests;

/// <summary>
/// Civil Code Art. 444 on the selling paths: once a pledge is registered on the platform, the patent cannot be put up for
/// auction or submitted/published as a listing until the lender consents for that dealing. Own site: it pledges a demo patent.
/// </summary>
public abstract class PledgeLockPathTests(TechMarketSite site)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly Guid DemoCenter = new("6f1c0c2e-0001-4a00-9000-000000000006");
    private static readonly Guid DemoLender = new("6f1c0c2e-0001-4a00-9000-000000000007");
    private static readonly Guid DemoCompany = new("6f1c0c2e-0001-4a00-9000-000000000004");

    [Fact]
    public async Task A_registered_pledge_blocks_auction_and_listing_until_the_lender_consents_to_that_dealing()
    {
        site.SkipUnlessAvailable();
        // The demo patent register is seeded by a hosted service after start.
        string? number = null, recordId = null;
        for (var i = 0; i < 100 && recordId is null; i++)
        {
            (number, recordId) = site.WithDb(db => db.PatentRights.Where(p => p.SourceRecordId != null).OrderBy(p => p.Number)
                .Select(p => new { p.Number, p.SourceRecordId }).AsEnumerable().Select(p => (p.Number, p.SourceRecordId)).FirstOrDefault());
            if (recordId is null) await Task.Delay(100, Ct);
        }
        Assert.NotNull(recordId);
        var published = site.WithDb(db => db.Listings.Single(l => l.Record!.RecordId == recordId && l.Status == ListingStatus.Published).Id);

        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TechMarketDbContext>();
        var createAuction = scope.ServiceProvider.GetRequiredService<CreateAuction>();
        var submit = scope.ServiceProvider.GetRequiredService<SubmitListing>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        AuctionSetup Setup() => new(published, DemoCenter, 1_000_000, null, 10_000, 100_000, now.AddHours(1), now.AddDays(2));

        // A draft listing of the same patent by its owner, to submit later.
        var recordGuid = db.CatalogueRecords.Single(r => r.RecordId == recordId).Id;
        var draft = new Listing(Guid.NewGuid(), recordGuid, DemoCompany, TradeModes.Assignment, new Domain.Shared.Money(5_000_000), Industry.FutureIndustries, 5, isDemo: true, createdAt: now);
        db.Listings.Add(draft);
        await db.SaveChangesAsync(Ct);

        // A pledge case of the patentee, and CNIPA's registration of the pledge to the demo bank.
        var patentee = db.PatentRights.Where(p => p.Number == number).SelectMany(p => p.Patentees).Select(p => p.OrganizationId).First();
        var opened = await scope.ServiceProvider.GetRequiredService<CreatePledgeCase>().RunAsync(new Domain.Financing.PledgeActor(patentee, Guid.NewGuid()),
            new NewPledgeCase(patentee, null, [number!], new Domain.Shared.Money(1_000_000_00), 12, "test"), Ct);
        var caseId = opened.CaseId ?? throw new InvalidOperationException(string.Join("; ", opened.Refusals.Select(r => r.MessageEn)));
        db.PatentPledges.Add(new PatentPledgeRow { Id = Guid.NewGuid(), PatentNumber = number!, PledgeCaseId = caseId, LenderId = DemoLender, LenderName = "示例银行坪山支行", NoticeNumber = "ZL-TEST-0001", RegisteredOn = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-1) });
        await db.SaveChangesAsync(Ct);

        var refusedAuction = await createAuction.RunAsync(Setup(), Ct);
        Assert.False(refusedAuction.Succeeded);
        Assert.Equal("ListingId", refusedAuction.Field);
        Assert.Contains("示例银行坪山支行", refusedAuction.Error!, StringComparison.Ordinal);

        var refusedListing = await submit.RunAsync(draft.Id, DemoCompany, Ct);
        Assert.Equal(ListingCommandStatus.Refused, refusedListing.Status);
        Assert.Contains(refusedListing.Problems, p => p.Code == ListingProblemCode.Pledged);

        // Consent to auction only: the auction may go ahead, the listing still may not.
        db.LenderConsents.Add(new LenderConsentRow { Id = Guid.NewGuid(), PatentNumber = number!, PledgeCaseId = caseId, LenderId = DemoLender, Scope = PatentDealing.Auction, GivenOn = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-1), RecordedAt = now });
        await db.SaveChangesAsync(Ct);
        Assert.True((await createAuction.RunAsync(Setup(), Ct)).Succeeded);
        Assert.Contains((await submit.RunAsync(draft.Id, DemoCompany, Ct)).Problems, p => p.Code == ListingProblemCode.Pledged);

        // Consent to listing as well: the pledge no longer stops the submission (other gates may still speak).
        db.LenderConsents.Add(new LenderConsentRow { Id = Guid.NewGuid(), PatentNumber = number!, PledgeCaseId = caseId, LenderId = DemoLender, Scope = PatentDealing.Listing, GivenOn = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-1), RecordedAt = now });
        await db.SaveChangesAsync(Ct);
        Assert.DoesNotContain((await submit.RunAsync(draft.Id, DemoCompany, Ct)).Problems, p => p.Code == ListingProblemCode.Pledged);
    }
}

public sealed class SqlitePledgeLockPathTests(SqliteSite site) : PledgeLockPathTests(site), IClassFixture<SqliteSite>;

public sealed class PostgresPledgeLockPathTests(PostgresSite site) : PledgeLockPathTests(site), IClassFixture<PostgresSite>;
