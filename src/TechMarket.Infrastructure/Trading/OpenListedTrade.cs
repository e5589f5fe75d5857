using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Payments;
using TechMarket.Domain.Shared;
using TechMarket.Domain.Trading;
using TechMarket.Infrastructure.Calendar;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Financing;

namespace TechMarket.Infrastructure.Trading;

/// <param name="ActingOrganizationId">The seller's organisation; null when center staff open it on the seller's behalf.</param>
public sealed record OpenListedTradeCommand(Guid ListingId, Guid? ActingOrganizationId, Guid? UserId, TradeModes TradeMode, Money Price,
    int? PeriodWorkingDays, string? Conditions);

/// <summary>
/// 挂牌: the seller (or the center for it) opens a listed trade on a published listing: one trade mode the listing
/// offers, a listing price, a disclosure period in working days (default 20) ending on the working-day calendar, and
/// the deposit (10 % of the price). A pledged patent is not offered without the lender's consent (Civil Code Art. 444).
/// </summary>
public sealed class OpenListedTrade(TechMarketDbContext db, WorkingCalendar calendar, DeadlineOptions deadlines, PledgeLock pledges, TimeProvider clock)
{
    public async Task<TradeResult<ListedTrade>> RunAsync(OpenListedTradeCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var listing = await db.Listings.AsNoTracking().Include(l => l.Record).FirstOrDefaultAsync(l => l.Id == command.ListingId, ct).ConfigureAwait(false);
        if (listing is null || (command.ActingOrganizationId is { } org && listing.OrganizationId != org)) return TradeResult.Missing<ListedTrade>();
        if (listing.Status != ListingStatus.Published) return TradeResult.Refused<ListedTrade>("ListingId", "只有已发布的挂牌可以开始挂牌交易 / Only a published listing can open a listed trade.");
        if (command.TradeMode == TradeModes.None || (command.TradeMode & (command.TradeMode - 1)) != 0 || !listing.TradeModes.HasFlag(command.TradeMode)
            || command.TradeMode == TradeModes.OpenLicence)
        {
            return TradeResult.Refused<ListedTrade>("TradeMode", "请选择该挂牌提供的一种交易方式 / Choose one trade mode the listing offers.");
        }
        var period = command.PeriodWorkingDays ?? deadlines.ListingPeriodWorkingDays;
        switch (ListedTradeRules.CheckOpening(command.Price, period))
        {
            case ListedTradeProblem.NonPositivePrice:
                return TradeResult.Refused<ListedTrade>("Price", "挂牌价须大于零 / The listing price must be above zero.");
            case ListedTradeProblem.PeriodOutOfRange:
                return TradeResult.Refused<ListedTrade>("PeriodWorkingDays", $"公示期为 1 至 {ListedTradeRules.MaxPeriodWorkingDays} 个工作日 / The period is 1 to {ListedTradeRules.MaxPeriodWorkingDays} working days.");
        }
        if (await db.ListedTrades.AnyAsync(t => t.ListingId == listing.Id && t.Status == ListedTradeStatus.Open, ct).ConfigureAwait(false))
        {
            return TradeResult.Refused<ListedTrade>("ListingId", "该挂牌已有进行中的挂牌交易 / This listing already has an open listed trade.");
        }
        // Civil Code Art. 444: no sale or licence of a pledged patent behind the lender's back.
        if (await pledges.RefusalAsync(listing.Record!.RecordId, auction: false, ct).ConfigureAwait(false) is { } pledged)
        {
            return TradeResult.Refused<ListedTrade>("ListingId", pledged.MessageZh + " / " + pledged.MessageEn);
        }
        DepositRules.TryForListedTrade(command.Price, out var deposit, out _);

        var now = clock.GetUtcNow();
        var trade = new ListedTrade
        {
            Id = Guid.CreateVersion7(now),
            ListingId = listing.Id,
            SellerOrganizationId = listing.OrganizationId,
            Title = listing.Record.Title,
            TradeMode = command.TradeMode,
            PriceFen = command.Price.Fen,
            DepositFen = deposit.Fen,
            PeriodWorkingDays = period,
            Conditions = (command.Conditions ?? "").Trim(),
            OpensAt = now,
            EndsAt = await calendar.AddWorkingDaysAsync(now, period, ct).ConfigureAwait(false),
            OpenedByUserId = command.UserId,
            OpenedByCenter = command.ActingOrganizationId is null,
            CreatedAt = now,
        };
        db.ListedTrades.Add(trade);
        var link = $"/listings/{listing.Id}";
        TradeNotices.Notify(db, listing.OrganizationId, "挂牌交易已开始 / Listed trade opened",
            $"《{trade.Title}》以 {trade.Price} 挂牌，公示期 {period} 个工作日，至 {TradeNotices.Local(trade.EndsAt)}（北京时间）截止。/ \"{trade.Title}\" is listed at {trade.Price} for {period} working days, until {TradeNotices.Local(trade.EndsAt)} (Beijing time).",
            link, now);
        db.AuditAs("listed_trade.opened", $"{trade.TradeMode} {trade.Price} {period} working days");
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // Two openings at once: the unique index keeps one open trade per listing.
            db.ChangeTracker.Clear();
            return TradeResult.Refused<ListedTrade>("ListingId", "该挂牌已有进行中的挂牌交易 / This listing already has an open listed trade.");
        }
        return TradeResult.Done(trade);
    }
}
