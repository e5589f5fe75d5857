using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Organizations;
using TechMarket.Domain.Payments;
using TechMarket.Domain.Shared;
using TechMarket.Domain.Trading;
using TechMarket.Infrastructure.Calendar;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Payments;

namespace TechMarket.Infrastructure.Trading;

public sealed record RegisterIntentionCommand(Guid ListedTradeId, Guid OrganizationId, Guid? UserId, Money OfferedPrice, bool AcceptsConditions);

/// <summary>
/// 登记受让意向: a verified organisation other than the seller and the center registers on an open listed trade before
/// the period ends, accepting the conditions at ≥ the listing price. Registering again returns the first registration.
/// </summary>
public sealed class RegisterIntention(TechMarketDbContext db, TimeProvider clock)
{
    public async Task<TradeResult<TradeIntention>> RunAsync(RegisterIntentionCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var trade = await db.ListedTrades.AsNoTracking().FirstOrDefaultAsync(t => t.Id == command.ListedTradeId, ct).ConfigureAwait(false);
        if (trade is null) return TradeResult.Missing<TradeIntention>();
        var now = clock.GetUtcNow();
        if (trade.Status != ListedTradeStatus.Open || now >= trade.EndsAt) return TradeResult.Refused<TradeIntention>("", "公示期已结束 / The listing period has ended.");
        if (command.OrganizationId == trade.SellerOrganizationId) return TradeResult.Refused<TradeIntention>("", "挂牌方不能登记自己的挂牌 / The seller cannot register on its own listing.");
        var org = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == command.OrganizationId, ct).ConfigureAwait(false);
        if (org is null || org.Verification != VerificationStatus.Verified) return TradeResult.Refused<TradeIntention>("", "只有通过认证的机构可以登记意向 / Only verified organisations may register an intention.");
        // The center runs the venue and qualifies the buyers: it does not buy on it.
        if (org.Type == OrganizationType.Center) return TradeResult.Refused<TradeIntention>("", "服务中心不能作为意向受让方 / The center cannot be a buyer.");
        var existing = await db.TradeIntentions.FirstOrDefaultAsync(i => i.ListedTradeId == trade.Id && i.OrganizationId == command.OrganizationId, ct).ConfigureAwait(false);
        if (existing is not null) return TradeResult.Done(existing);
        switch (ListedTradeRules.CheckIntention(trade.Price, command.OfferedPrice, command.AcceptsConditions))
        {
            case ListedTradeProblem.ConditionsNotAccepted:
                return TradeResult.Refused<TradeIntention>("AcceptsConditions", "请阅读并接受挂牌条件 / Read and accept the listing conditions.");
            case ListedTradeProblem.OfferBelowListingPrice:
                return TradeResult.Refused<TradeIntention>("OfferedPrice", $"意向价不得低于挂牌价 {trade.Price} / The offer cannot be below the listing price {trade.Price}.");
        }
        var intention = new TradeIntention
        {
            Id = Guid.CreateVersion7(now),
            ListedTradeId = trade.Id,
            OrganizationId = command.OrganizationId,
            RegisteredByUserId = command.UserId,
            OfferedPriceFen = command.OfferedPrice.Fen,
            RegisteredAt = now,
            ConditionsAcceptedAt = now,
        };
        db.TradeIntentions.Add(intention);
        TradeNotices.Notify(db, trade.SellerOrganizationId, "新的受让意向 / New intention registered",
            $"{org.Name} 登记了《{trade.Title}》的受让意向，待服务中心资格审核。/ {org.Name} registered an intention on \"{trade.Title}\"; the center checks its eligibility.",
            "/seller/listed-trades", now);
        TradeNotices.Notify(db, command.OrganizationId, "已登记受让意向 / Intention registered",
            $"您已登记《{trade.Title}》的受让意向（{intention.OfferedPrice}），请等待服务中心资格审核。/ Your intention on \"{trade.Title}\" ({intention.OfferedPrice}) is registered; the center checks your eligibility.",
            "/intentions", now);
        await TradeNotices.NotifyCenterAsync(db, "待审核的受让意向 / Intention to check",
            $"{org.Name} 登记了《{trade.Title}》的受让意向。/ {org.Name} registered an intention on \"{trade.Title}\".", "/center/listed-trades", now, ct).ConfigureAwait(false);
        db.AuditAs("listed_trade.intention_registered", intention.OfferedPrice.ToString());
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // A double submit: the unique (trade, organisation) index kept the first.
            db.ChangeTracker.Clear();
            var first = await db.TradeIntentions.FirstOrDefaultAsync(i => i.ListedTradeId == trade.Id && i.OrganizationId == command.OrganizationId, ct).ConfigureAwait(false);
            return first is null ? throw new InvalidOperationException("The intention could not be saved.") : TradeResult.Done(first);
        }
        return TradeResult.Done(intention);
    }
}

/// <summary>
/// 资格确认: the center qualifies a registered intention; the deposit (10 % of the listing price by default) is required
/// through payments, due within 3 working days on the calendar and never after the period ends.
/// </summary>
public sealed class QualifyIntention(TechMarketDbContext db, RequireDeposit requireDeposit, WorkingCalendar calendar, DeadlineOptions deadlines, TimeProvider clock)
{
    public async Task<TradeResult<TradeIntention>> RunAsync(Guid intentionId, Guid? userId, CancellationToken ct)
    {
        var intention = await db.TradeIntentions.FirstOrDefaultAsync(i => i.Id == intentionId, ct).ConfigureAwait(false);
        if (intention is null) return TradeResult.Missing<TradeIntention>();
        var trade = await db.ListedTrades.AsNoTracking().FirstAsync(t => t.Id == intention.ListedTradeId, ct).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        if (trade.Status != ListedTradeStatus.Open || now >= trade.EndsAt) return TradeResult.Refused<TradeIntention>("", "公示期已结束 / The listing period has ended.");
        if (intention.Status == IntentionStatus.Qualified) return TradeResult.Done(intention);
        if (intention.Status != IntentionStatus.Registered) return TradeResult.Refused<TradeIntention>("", "该意向已处理 / This intention has already been decided.");

        var days = await calendar.CurrentAsync(ct).ConfigureAwait(false);
        var dueBy = ListedTradeRules.DepositDueBy(days, now, deadlines.ListedTradeDepositWorkingDays, trade.EndsAt);
        // Asking again returns the same deposit, so a retry after a failure below does not open a second one.
        var deposit = await requireDeposit.RunAsync(new RequireDepositCommand(intention.OrganizationId, DepositSubjectKind.ListedTrade, trade.Id,
            "挂牌交易 " + trade.Title, trade.Deposit, dueBy), ct).ConfigureAwait(false);
        intention.Status = IntentionStatus.Qualified;
        intention.QualifiedAt = now;
        intention.QualifiedByUserId = userId;
        intention.DepositId = deposit.Id;
        intention.DepositDueBy = deposit.PayBy;
        TradeNotices.Notify(db, intention.OrganizationId, "资格已确认，请缴纳保证金 / Qualified: pay the deposit",
            $"您对《{trade.Title}》的受让意向已通过资格审核。请于 {TradeNotices.Local(deposit.PayBy)}（北京时间）前缴纳保证金 {trade.Deposit}，付款附言填写 {deposit.PaymentReference}；逾期未缴视为放弃资格。/ Your intention on \"{trade.Title}\" is qualified. Pay the deposit of {trade.Deposit} by {TradeNotices.Local(deposit.PayBy)} (Beijing time) with reference {deposit.PaymentReference}, or the qualification lapses.",
            "/intentions", now);
        db.AuditAs("listed_trade.intention_qualified", $"deposit due {TradeNotices.Local(deposit.PayBy)}");
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return TradeResult.Done(intention);
    }
}

/// <summary>The center declines an intention, with the reason the company sees; an unpaid deposit is cancelled.</summary>
public sealed class DeclineIntention(TechMarketDbContext db, ReleaseDeposit releaseDeposit, TimeProvider clock)
{
    public async Task<TradeResult<TradeIntention>> RunAsync(Guid intentionId, string reason, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var intention = await db.TradeIntentions.FirstOrDefaultAsync(i => i.Id == intentionId, ct).ConfigureAwait(false);
        if (intention is null) return TradeResult.Missing<TradeIntention>();
        var trade = await db.ListedTrades.AsNoTracking().FirstAsync(t => t.Id == intention.ListedTradeId, ct).ConfigureAwait(false);
        if (trade.Status != ListedTradeStatus.Open) return TradeResult.Refused<TradeIntention>("", "挂牌交易已结束 / The listed trade has ended.");
        if (intention.Status is not (IntentionStatus.Registered or IntentionStatus.Qualified)) return TradeResult.Refused<TradeIntention>("", "该意向已处理 / This intention has already been decided.");
        if (intention.DepositId is { } depositId)
        {
            var held = await db.Deposits.AnyAsync(d => d.Id == depositId && d.State == DepositState.Held, ct).ConfigureAwait(false);
            if (held) return TradeResult.Refused<TradeIntention>("", "已缴纳保证金的意向方不能被取消资格 / A buyer who has paid the deposit cannot be declined.");
            await releaseDeposit.RunAsync(depositId, null, "资格未通过，取消保证金 / not qualified: deposit cancelled", ct).ConfigureAwait(false);
        }
        var now = clock.GetUtcNow();
        intention.Status = IntentionStatus.Declined;
        intention.DeclineReason = reason.Trim();
        intention.ClosedAt = now;
        TradeNotices.Notify(db, intention.OrganizationId, "受让意向未通过资格审核 / Intention declined",
            $"您对《{trade.Title}》的受让意向未通过资格审核：{intention.DeclineReason} / Your intention on \"{trade.Title}\" was declined: {intention.DeclineReason}",
            "/intentions", now);
        db.AuditAs("listed_trade.intention_declined", intention.DeclineReason);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return TradeResult.Done(intention);
    }
}

/// <summary>
/// 撤回意向: a company withdraws while the trade is open. Before paying there is no penalty (the unpaid deposit is
/// cancelled); after paying, the deposit is forfeited (DOMAIN.md "Listed trade" rule 5: withdrawal after paying).
/// </summary>
public sealed class WithdrawIntention(TechMarketDbContext db, ReleaseDeposit releaseDeposit, ForfeitDeposit forfeitDeposit, TimeProvider clock)
{
    public async Task<TradeResult<TradeIntention>> RunAsync(Guid intentionId, Guid organizationId, CancellationToken ct)
    {
        var intention = await db.TradeIntentions.FirstOrDefaultAsync(i => i.Id == intentionId && i.OrganizationId == organizationId, ct).ConfigureAwait(false);
        if (intention is null) return TradeResult.Missing<TradeIntention>();
        var trade = await db.ListedTrades.AsNoTracking().FirstAsync(t => t.Id == intention.ListedTradeId, ct).ConfigureAwait(false);
        if (intention.Status == IntentionStatus.Withdrawn) return TradeResult.Done(intention);
        if (trade.Status != ListedTradeStatus.Open) return TradeResult.Refused<TradeIntention>("", "挂牌交易已结束，不能撤回 / The listed trade has ended; the intention cannot be withdrawn.");
        if (intention.Status is not (IntentionStatus.Registered or IntentionStatus.Qualified)) return TradeResult.Refused<TradeIntention>("", "该意向已处理 / This intention has already been decided.");
        var forfeited = false;
        if (intention.DepositId is { } depositId)
        {
            var deposit = await db.Deposits.AsNoTracking().FirstAsync(d => d.Id == depositId, ct).ConfigureAwait(false);
            if (deposit.State == DepositState.Held)
            {
                var outcome = await forfeitDeposit.RunAsync(depositId, ForfeitureClaims.None(trade.SellerOrganizationId),
                    "缴纳保证金后撤回受让意向，保证金不予退还 / withdrawn after paying: deposit forfeited", ct).ConfigureAwait(false);
                if (!outcome.Succeeded) return TradeResult.Refused<TradeIntention>("", "保证金暂时无法处理，请联系服务中心 / The deposit cannot be processed now; contact the center.");
                forfeited = true;
            }
            else if (deposit.State == DepositState.AwaitingPayment)
            {
                await releaseDeposit.RunAsync(depositId, null, "撤回意向，取消保证金 / intention withdrawn before payment", ct).ConfigureAwait(false);
            }
        }
        var now = clock.GetUtcNow();
        db.ChangeTracker.Clear();
        intention = await db.TradeIntentions.FirstAsync(i => i.Id == intentionId, ct).ConfigureAwait(false);
        intention.Status = IntentionStatus.Withdrawn;
        intention.ClosedAt = now;
        TradeNotices.Notify(db, trade.SellerOrganizationId, "受让意向已撤回 / Intention withdrawn",
            $"一家意向方撤回了《{trade.Title}》的受让意向。/ A company withdrew its intention on \"{trade.Title}\".", "/seller/listed-trades", now);
        db.AuditAs("listed_trade.intention_withdrawn", forfeited ? "after payment: deposit forfeited" : "before payment: no penalty");
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return TradeResult.Done(intention);
    }
}
