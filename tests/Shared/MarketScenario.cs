using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Deals;
using TechMarket.Domain.Demands;
using TechMarket.Domain.Financing;
using TechMarket.Domain.Organizations;
using TechMarket.Domain.Payments;
using TechMarket.Domain.Rights;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Auctions;
using TechMarket.Infrastructure.Catalogue;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Deals;
using TechMarket.Infrastructure.Financing;
using TechMarket.Infrastructure.Payments;
using TechMarket.Infrastructure.RdContracts;

namespace TechMarket.Tests.Shared;

/// <summary>A clock the scenario moves by hand, so each step happens at the instant the scenario says.</summary>
public sealed class ScenarioClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
}

/// <summary>
/// A year of market activity built through the platform's own use cases (SaveListingDraft, SubmitListing,
/// ApproveListing, OpenDeal, CreateAuction, PlaceBid, CloseAuction, SettleDeal, PostDemand, the pledge cases), each
/// run at a chosen instant of <see cref="Year"/> (China time). The times and amounts are kept here so a test can
/// work out what the dashboards must show without asking the code under test.
/// </summary>
public sealed class MarketScenario
{
    public static readonly Guid DemoCompany = new("6f1c0c2e-0001-4a00-9000-000000000004");
    public static readonly Guid DemoLender = new("6f1c0c2e-0001-4a00-9000-000000000007");
    public static readonly Guid DemoEvaluator = new("6f1c0c2e-0001-4a00-9000-000000000008");
    public static readonly Guid DemoCenter = new("6f1c0c2e-0001-4a00-9000-000000000006");

    private readonly IServiceProvider services;
    private readonly ScenarioClock clock;
    private readonly string tag = Guid.NewGuid().ToString("N")[..6];

    private MarketScenario(IServiceProvider services, int year)
    {
        this.services = services;
        Year = year;
        clock = new ScenarioClock(At(1, 1));
    }

    public int Year { get; }

    /// <summary>Seller institutions; B's name starts with "=" and A's holds a comma and quotes, as CSV must survive both.</summary>
    public Guid InstitutionA { get; private set; }
    public string InstitutionAName => $"星海大学, 技术转移中心 \"TTO\" {tag}";
    public Guid InstitutionB { get; private set; }
    public string InstitutionBName => $"=乙研究院{tag}";
    public Guid BuyerC1 { get; private set; }
    public Guid BuyerC2 { get; private set; }

    /// <summary>Listings: (institution, industry, published at).</summary>
    public List<(Guid Id, Guid Seller, Industry Industry, DateTimeOffset PublishedAt)> Listings { get; } = [];

    /// <summary>Deals: (listing, seller, industry, mode, price, opened at, listing published at).</summary>
    public List<(Guid ListingId, Guid Seller, Industry Industry, TradeModes Mode, long PriceFen, DateTimeOffset At, DateTimeOffset PublishedAt)> Deals { get; } = [];

    public List<(Guid Id, Industry Industry, DateTimeOffset ClosedAt, bool Sold)> Auctions { get; } = [];
    public List<(Industry Industry, DateTimeOffset At)> Demands { get; } = [];
    public List<(Industry Industry, Guid Lender, long AmountFen, DateOnly RegisteredOn)> Loans { get; } = [];
    public List<(long PriceFen, long CommissionFen, DateTimeOffset At, Industry Industry)> Settlements { get; } = [];

    public const long SoldStartFen = 2_000_000;
    public const long StepFen = 100_000;
    public const int BuyerRateBasisPoints = 200;
    public const int SellerRateBasisPoints = 300;

    private static CancellationToken Ct => CancellationToken.None;

    /// <summary>An instant of the scenario's year in China time.</summary>
    public DateTimeOffset At(int month, int day, int hour = 10) => new DateTimeOffset(Year, month, day, hour, 0, 0, ChinaTime.Offset).ToUniversalTime();

    public static async Task<MarketScenario> BuildAsync(IServiceProvider services, int year)
    {
        var s = new MarketScenario(services, year);
        await s.RunAsync();
        return s;
    }

    private async Task RunAsync()
    {
        InstitutionA = await OrganizationAsync(InstitutionAName, OrganizationType.University);
        InstitutionB = await OrganizationAsync(InstitutionBName, OrganizationType.University);
        BuyerC1 = await OrganizationAsync($"丙科技有限公司{tag}", OrganizationType.Company);
        BuyerC2 = await OrganizationAsync($"丁生物有限公司{tag}", OrganizationType.Company);

        var l1 = await ListingAsync(InstitutionA, Industry.Biomedicine, TradeModes.Assignment, At(2, 10));
        var l2 = await ListingAsync(InstitutionA, Industry.NextGenIt, TradeModes.Assignment | TradeModes.OrdinaryLicence, At(3, 5));
        var l3 = await ListingAsync(InstitutionB, Industry.Biomedicine, TradeModes.Assignment, At(3, 20));
        var l4 = await ListingAsync(InstitutionB, Industry.NewEnergyVehicles, TradeModes.Assignment, At(4, 2));
        await ListingAsync(InstitutionA, Industry.FutureIndustries, TradeModes.ExclusiveLicence, At(5, 15));

        await DealAsync(l1, DealOrigin.NegotiatedOffer, Guid.NewGuid(), BuyerC1, TradeModes.Assignment, 120_000_000, At(3, 15));
        await DealAsync(l2, DealOrigin.ExpressLicence, Guid.NewGuid(), BuyerC2, TradeModes.OrdinaryLicence, 5_000_000, At(3, 6));

        // Lot 1 sells: C2's maximum 2.5 万 is beaten by C1's 3 万; proxy bidding puts the price one step above C2's maximum.
        var sold = await AuctionAsync(l3, SoldStartFen, null, At(4, 8, 9), At(4, 10, 10), [(BuyerC2, 2_500_000), (BuyerC1, 3_000_000)]);
        var hammer = 2_500_000 + StepFen;
        var auction = await Read(db => db.Auctions.AsNoTracking().SingleAsync(a => a.Id == sold, Ct));
        if (auction.Sold != true || auction.PriceFen != hammer || auction.WinnerOrganizationId != BuyerC1)
            throw new InvalidOperationException($"Lot 1 should sell to C1 at {hammer}: {auction.Sold} {auction.PriceFen}.");
        await DealAsync(l3, DealOrigin.Auction, sold, BuyerC1, TradeModes.Assignment, hammer, At(4, 10, 11));
        clock.Now = At(4, 10, 12);
        var settled = await WithAsync((SettleDeal u) => u.RunAsync(new SettleDealCommand(DepositSubjectKind.Auction, sold, BuyerC1, InstitutionB, new Money(hammer),
            new Rate(BuyerRateBasisPoints), new Rate(SellerRateBasisPoints)), Ct));
        if (!settled.Succeeded) throw new InvalidOperationException("Settlement refused: " + settled.Refusal);
        Settlements.Add((hammer, hammer * BuyerRateBasisPoints / 10_000 + hammer * SellerRateBasisPoints / 10_000, clock.Now, Industry.Biomedicine));

        // Lot 2 does not sell (流拍): the only bid stays below the secret reserve.
        await AuctionAsync(l4, 5_000_000, 9_000_000, At(4, 20, 9), At(4, 22, 10), [(BuyerC2, 6_000_000)]);

        await DemandAsync(BuyerC1, Industry.Biomedicine, At(2, 20));
        await DemandAsync(BuyerC2, Industry.Biomedicine, At(5, 1));
        await DemandAsync(BuyerC1, Industry.NewEnergyVehicles, At(6, 1));

        await PledgeLoanAsync(80_000_000, new DateOnly(Year, 5, 20));
    }

    private T Use<T>(IServiceProvider provider) where T : notnull => ActivatorUtilities.CreateInstance<T>(provider, clock);

    /// <summary>Bids go through the site's group commit, but timed by the scenario's clock (server time is read under the lock).</summary>
    private BidGroupCommit BidCommit => bidCommit ??= ActivatorUtilities.CreateInstance<BidGroupCommit>(services, clock);
    private BidGroupCommit? bidCommit;

    /// <summary>Runs a use case in a scope of its own, on the scenario's clock.</summary>
    private async Task<TResult> WithAsync<T, TResult>(Func<T, Task<TResult>> run) where T : notnull
    {
        await using var scope = services.CreateAsyncScope();
        return await run(Use<T>(scope.ServiceProvider));
    }

    private async Task<T> Read<T>(Func<TechMarketDbContext, Task<T>> read)
    {
        await using var scope = services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<TechMarketDbContext>());
    }

    private async Task<Guid> OrganizationAsync(string name, OrganizationType type)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TechMarketDbContext>();
        var org = new Organization(Guid.NewGuid(), name, null, type, null, isDemo: false, createdAt: At(1, 1));
        org.MarkVerified(At(1, 2));
        db.Organizations.Add(org);
        await db.SaveChangesAsync(Ct);
        return org.Id;
    }

    private async Task<Guid> ListingAsync(Guid seller, Industry industry, TradeModes modes, DateTimeOffset publishAt)
    {
        await using var scope = services.CreateAsyncScope();
        clock.Now = publishAt.AddDays(-2);
        var draft = await Use<SaveListingDraft>(scope.ServiceProvider).RunAsync(null, seller, new ListingDraftInput
        {
            Kind = AssetKind.ResearchResult, Title = $"科技成果 {industry} {tag}", Abstract = "用于仪表盘测试的科技成果。",
            TradeModes = modes, PriceWanYuan = 100m, Industry = industry, Trl = 6,
        }, Ct);
        if (!draft.Succeeded) throw new InvalidOperationException("Draft refused: " + string.Join("; ", draft.Errors.Select(e => e.Key + " " + e.Value)));
        var id = draft.ListingId!.Value;
        var transitions = Use<ListingTransitions>(scope.ServiceProvider);
        clock.Now = publishAt.AddDays(-1);
        if ((await new SubmitListing(transitions).RunAsync(id, seller, Ct)).Status != ListingCommandStatus.Done) throw new InvalidOperationException("Submit refused.");
        clock.Now = publishAt;
        if ((await new ApproveListing(transitions).RunAsync(id, Ct)).Status != ListingCommandStatus.Done) throw new InvalidOperationException("Approval refused.");
        Listings.Add((id, seller, industry, publishAt));
        return id;
    }

    private async Task DealAsync(Guid listingId, DealOrigin origin, Guid originId, Guid buyer, TradeModes mode, long priceFen, DateTimeOffset at)
    {
        clock.Now = at;
        var outcome = await WithAsync((OpenDeal u) => u.RunAsync(new OpenDealCommand(origin, originId, listingId, buyer, mode, new Money(priceFen)), Ct));
        if (!outcome.Succeeded) throw new InvalidOperationException("Deal refused: " + outcome.Refusal);
        var listing = Listings.Single(l => l.Id == listingId);
        Deals.Add((listingId, listing.Seller, listing.Industry, mode, priceFen, at, listing.PublishedAt));
    }

    private async Task<Guid> AuctionAsync(Guid listingId, long startFen, long? reserveFen, DateTimeOffset opens, DateTimeOffset ends, (Guid Bidder, long MaxFen)[] bids)
    {
        clock.Now = opens.AddDays(-3);
        var created = await WithAsync((CreateAuction u) => u.RunAsync(new AuctionSetup(listingId, DemoCenter, startFen, reserveFen, StepFen, startFen / 10, opens, ends), Ct));
        if (!created.Succeeded) throw new InvalidOperationException("Auction refused: " + created.Error);
        var id = created.Auction!.Id;
        foreach (var (bidder, _) in bids)
        {
            await using var scope = services.CreateAsyncScope();
            var applied = await Use<ApplyForAuction>(scope.ServiceProvider).RunAsync(id, bidder, null, Ct);
            if (!applied.Succeeded) throw new InvalidOperationException("Application refused: " + applied.Error);
            if (!(await Use<QualifyRegistration>(scope.ServiceProvider).RunAsync(applied.Registration!.Id, null, null, Ct)).Succeeded) throw new InvalidOperationException("Not qualified.");
            if (!(await Use<MarkDepositReceived>(scope.ServiceProvider).RunAsync(applied.Registration.Id, null, Ct)).Succeeded) throw new InvalidOperationException("Deposit not marked.");
        }
        var minute = 0;
        foreach (var (bidder, max) in bids)
        {
            clock.Now = opens.AddHours(1).AddMinutes(minute++);
            var placed = await new PlaceBid(BidCommit).RunAsync(id, new BidderActor(bidder, null, false), max, Guid.NewGuid().ToString("N"), Ct);
            if (placed.Status != PlaceBidStatus.Accepted) throw new InvalidOperationException($"Bid {placed.Status}: {placed.Message}");
        }
        var closedAt = ends.AddMinutes(1);
        await using (var scope = services.CreateAsyncScope())
        {
            if (!await scope.ServiceProvider.GetRequiredService<CloseAuction>().CloseAsync(id, closedAt, Ct)) throw new InvalidOperationException("Auction did not close.");
        }
        var sold = await Read(db => db.Auctions.AsNoTracking().Where(a => a.Id == id).Select(a => a.Sold == true).SingleAsync(Ct));
        Auctions.Add((id, Listings.Single(l => l.Id == listingId).Industry, closedAt, sold));
        return id;
    }

    private async Task DemandAsync(Guid owner, Industry industry, DateTimeOffset at)
    {
        clock.Now = at;
        var (demand, errors) = await WithAsync((PostDemand u) => u.RunAsync(owner, new DemandDraft($"技术需求 {industry} {tag}", "公开摘要", "待解决的问题", "目标与指标",
            Money.FromWanYuan(10), Money.FromWanYuan(50), ChinaTime.Today(at).AddMonths(3), industry), Ct));
        if (demand is null) throw new InvalidOperationException("Demand refused: " + string.Join("; ", errors.Select(e => e.Field + " " + e.Error)));
        Demands.Add((industry, at));
    }

    /// <summary>The demo company pledges a new-energy patent to the demo lender: valued, approved, signed, filed, registered.</summary>
    private async Task PledgeLoanAsync(long amountFen, DateOnly registeredOn)
    {
        var number = "ZL" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();
        var filed = new DateOnly(Year - 3, 6, 1);
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TechMarketDbContext>();
            db.PatentRights.Add(new PatentRightRow
            {
                Number = number, Title = "质押测试专利 " + number, Kind = AssetKind.InventionPatent, FiledOn = filed, GrantedOn = filed.AddYears(1),
                ExpiresOn = PatentRight.StatutoryExpiry(AssetKind.InventionPatent, filed), Status = PatentLegalStatus.InForce, Industry = Industry.NewEnergyVehicles,
                Patentees = [new PatenteeRow { PatentNumber = number, OrganizationId = DemoCompany, Name = "示例企业" }],
            });
            await db.SaveChangesAsync(Ct);
        }
        var company = new PledgeActor(DemoCompany, Guid.NewGuid());
        var evaluator = new PledgeActor(DemoEvaluator, Guid.NewGuid());
        var lender = new PledgeActor(DemoLender, Guid.NewGuid());
        var start = registeredOn.AddDays(-20);
        clock.Now = new DateTimeOffset(start.ToDateTime(new TimeOnly(10, 0)), ChinaTime.Offset).ToUniversalTime();
        var created = await WithAsync((CreatePledgeCase u) => u.RunAsync(company, new NewPledgeCase(DemoCompany, null, [number], new Money(amountFen), 12, "流动资金"), Ct));
        var id = created.CaseId ?? throw new InvalidOperationException("Pledge refused: " + string.Join("; ", created.Refusals.Select(r => r.MessageEn)));
        var contract = new PledgeContract(new Money(amountFen), start, start.AddMonths(12), "主债权本金及利息", [number], false);
        await ActAsync(id, company, c => c.RequestValuation(company, DemoEvaluator, clock.Now));
        await ActAsync(id, evaluator, c => c.RecordValuation(evaluator, new Valuation("示例资产评估有限公司", ValuationMethod.Income, new Money(amountFen * 2), start, "PG-" + tag), clock.Now));
        await ActAsync(id, company, c => c.SubmitToLender(company, DemoLender, clock.Now));
        await ActAsync(id, lender, c => c.StartReview(lender, clock.Now));
        await ActAsync(id, lender, c => c.Approve(lender, new LenderDecision(new Money(amountFen), 435, 12, []), clock.Now));
        await ActAsync(id, lender, c => c.SignContracts(lender, contract, clock.Now));
        await ActAsync(id, company, c => c.SignContracts(company, contract, clock.Now));
        var filing = await WithAsync((FilePledgeRegistration u) => u.RunAsync(id, company, new FilingPackage(true, true, true, null, false, true), Ct));
        if (filing is not { IsDone: true }) throw new InvalidOperationException("Filing refused: " + filing?.Refusal?.MessageEn);
        clock.Now = new DateTimeOffset(registeredOn.ToDateTime(new TimeOnly(10, 0)), ChinaTime.Offset).ToUniversalTime();
        var registered = await WithAsync((RecordPledgeRegistration u) => u.RunAsync(id, lender, new PledgeRegistration("ZX" + tag, registeredOn), Ct));
        if (registered is not { IsDone: true }) throw new InvalidOperationException("Registration refused: " + registered?.Refusal?.MessageEn);
        Loans.Add((Industry.NewEnergyVehicles, DemoLender, amountFen, registeredOn));
    }

    private async Task ActAsync(Guid id, PledgeActor actor, Func<PledgeCase, PledgeOutcome> act)
    {
        clock.Now = clock.Now.AddHours(1);
        await using var scope = services.CreateAsyncScope();
        var store = Use<PledgeCaseStore>(scope.ServiceProvider);
        var loaded = await store.FindAsync(id, actor, Ct) ?? throw new InvalidOperationException("Case not visible.");
        var outcome = act(loaded.Case);
        if (!outcome.IsDone) throw new InvalidOperationException("Pledge step refused: " + outcome.Refusal?.MessageEn);
        await store.SaveAsync(loaded, "scenario", null, Ct);
    }
}
