using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Payments;
using TechMarket.Infrastructure.Payments.Persistence;
using TechMarket.Web.Identity;

namespace TechMarket.Web.Pages.Payments;

/// <summary>我的保证金与结算: an organisation's own deposits (how to pay, status, deadlines) and settlements.</summary>
[Authorize(Policy = Policies.OrganizationMember)]
public sealed class IndexModel(TechMarketDbContext db, PaymentsOptions options, StripeOptions stripe, IServiceProvider services) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public IReadOnlyList<DepositRecord> Deposits { get; private set; } = [];
    public int Total { get; private set; }
    public IReadOnlyList<SettlementRecord> Settlements { get; private set; } = [];
    public BankAccountOptions BankAccount => options.BankAccount;
    public bool CardEnabled => stripe.IsConfigured;
    public Guid OrganizationId { get; private set; }
    public CardPaymentStart? Card { get; private set; }
    public Guid? CardDepositId { get; private set; }
    public BalanceCardPayment? BalanceCard { get; private set; }
    /// <summary>Stripe.js is loaded only when a publishable key is configured (it cannot be reached from every network).</summary>
    public string? PublishableKey => string.IsNullOrWhiteSpace(stripe.PublishableKey) ? null : stripe.PublishableKey;
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (User.OrganizationId() is not { } org) return Forbid();
        await LoadAsync(org, ct);
        return Page();
    }

    /// <summary>Starts a card payment: the PaymentIntent is created once; the deposit is booked from Stripe's webhook.</summary>
    public async Task<IActionResult> OnPostCardAsync(Guid id, CancellationToken ct)
    {
        if (User.OrganizationId() is not { } org) return Forbid();
        var pay = services.GetService<PayDepositByCard>();
        if (pay is null) return NotFound();
        Card = await pay.RunAsync(id, org, ct);
        if (Card is null) return NotFound();
        CardDepositId = id;
        Message = "已创建银行卡支付，请在下方完成付款；到账以支付机构的通知为准。";
        await LoadAsync(org, ct);
        return Page();
    }

    /// <summary>Starts paying a settlement's balance by card; the settlement is marked paid only from Stripe's webhook.</summary>
    public async Task<IActionResult> OnPostBalanceCardAsync(Guid id, CancellationToken ct)
    {
        if (User.OrganizationId() is not { } org) return Forbid();
        var pay = services.GetService<PayBalanceByCard>();
        if (pay is null) return NotFound();
        BalanceCard = await pay.RunAsync(id, org, ct);
        if (BalanceCard is null) return NotFound();
        Message = "已创建银行卡支付，请在下方完成付款；到账以支付机构的通知为准。";
        await LoadAsync(org, ct);
        return Page();
    }

    private async Task LoadAsync(Guid org, CancellationToken ct)
    {
        OrganizationId = org;
        PageNumber = Math.Max(1, PageNumber);
        var query = db.Deposits.AsNoTracking().Where(d => d.OrganizationId == org);
        Total = await query.CountAsync(ct);
        Deposits = await query.OrderByDescending(d => d.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        Settlements = await db.Settlements.AsNoTracking().Where(s => s.BuyerOrganizationId == org || s.SellerOrganizationId == org)
            .OrderByDescending(s => s.Id).Take(50).ToListAsync(ct);
    }
}
