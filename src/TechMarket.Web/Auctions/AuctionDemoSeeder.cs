using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Catalogue;
using TechMarket.Infrastructure.Auctions;
using TechMarket.Infrastructure.Data;
using TechMarket.Web.Identity;

namespace TechMarket.Web.Auctions;

/// <summary>
/// With Identity:SeedDemoAccounts (like <see cref="DemoAccounts"/>): one open demo auction over a demo listing of
/// 坪山示例大学, organised by the demo center, with the demo company registered, qualified (bidder code DEMO01) and its
/// deposit received through the ledger, so a developer can bid at once. Idempotent.
/// </summary>
internal sealed class AuctionDemoSeeder(IServiceScopeFactory scopes, IdentitySettings settings, TimeProvider clock, ILogger<AuctionDemoSeeder> logger) : IHostedService
{
    public static readonly Guid DemoAuctionId = new("6f1c0c2e-0005-4a00-9000-000000000001");
    public static readonly Guid UniversityId = new("6f1c0c2e-0001-4a00-9000-000000000001");
    public static readonly Guid CompanyId = new("6f1c0c2e-0001-4a00-9000-000000000004");
    public static readonly Guid CenterId = new("6f1c0c2e-0001-4a00-9000-000000000006");
    public const string DemoBidderCode = "DEMO01";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!settings.SeedDemoAccounts) return;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TechMarketDbContext>();
        await PostLegacyMarksAsync(scope.ServiceProvider, cancellationToken);
        if (await db.Auctions.AnyAsync(a => a.Id == DemoAuctionId, cancellationToken)) return;
        var listing = await db.Listings.AsNoTracking()
            .Where(l => l.OrganizationId == UniversityId && l.Status == ListingStatus.Published && l.IsDemo)
            .OrderBy(l => l.CatalogueRecordId).FirstOrDefaultAsync(cancellationToken);
        if (listing is null || !await db.Organizations.AnyAsync(o => o.Id == CenterId, cancellationToken) || !await db.Organizations.AnyAsync(o => o.Id == CompanyId, cancellationToken))
        {
            logger.LogInformation("No demo listing or demo organisations; the demo auction is not seeded");
            return;
        }
        var now = clock.GetUtcNow();
        var start = listing.PriceFen ?? 10_000_000;
        var created = await scope.ServiceProvider.GetRequiredService<CreateAuction>().RunAsync(new AuctionSetup(
            listing.Id, CenterId, start, null, Math.Max(100, start / 200), start / 10, now.AddHours(-1), now.AddDays(7), Id: DemoAuctionId, IsDemo: true), cancellationToken);
        if (!created.Succeeded) throw new InvalidOperationException($"Demo auction: {created.Field} {created.Error}");
        var registrationId = Guid.NewGuid();
        db.AuctionRegistrations.Add(new AuctionRegistration
        {
            Id = registrationId,
            AuctionId = DemoAuctionId,
            OrganizationId = CompanyId,
            AppliedAt = now,
            Status = RegistrationStatus.Qualified,
            BidderCode = DemoBidderCode,
            QualifiedAt = now,
        });
        db.AuditAs("auction.demo_seeded");
        await db.SaveChangesAsync(cancellationToken);
        // The deposit goes through the ledger like any other: a bank receipt booked Held with its journal entry.
        var marked = await scope.ServiceProvider.GetRequiredService<MarkDepositReceived>().RunAsync(registrationId, null, cancellationToken);
        if (!marked.Succeeded) throw new InvalidOperationException($"Demo auction deposit: {marked.Error}");
    }

    /// <summary>
    /// Registrations the center marked "deposit received" before the mark posted to the ledger (the seeded demo among
    /// them): post each to the ledger now, once, so bidding (which asks the ledger only) keeps working for them.
    /// </summary>
    private static async Task PostLegacyMarksAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<TechMarketDbContext>();
        var marked = await db.AuctionRegistrations.AsNoTracking()
            .Where(r => r.DepositReceived)
            .Join(db.Auctions.Where(a => a.Status == AuctionStatus.Open), r => r.AuctionId, a => a.Id, (r, a) => new { r.Id, r.AuctionId, r.OrganizationId })
            .ToListAsync(cancellationToken);
        if (marked.Count == 0) return;
        var ledger = services.GetRequiredService<TechMarket.Infrastructure.Payments.IDepositGate>();
        foreach (var registration in marked)
        {
            if (await ledger.IsHeldAsync(registration.OrganizationId, TechMarket.Infrastructure.Payments.DepositSubjectKind.Auction, registration.AuctionId, cancellationToken)) continue;
            await services.GetRequiredService<MarkDepositReceived>().RunAsync(registration.Id, null, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
