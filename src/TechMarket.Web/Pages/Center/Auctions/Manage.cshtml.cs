using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Auctions.Replay;
using TechMarket.Infrastructure.Auctions;
using TechMarket.Infrastructure.Data;
using TechMarket.Web.Identity;

namespace TechMarket.Web.Pages.Center.Auctions;

/// <summary>
/// One auction for the center: qualify registrations (assigning bidder codes), mark deposits received, export the bid
/// log in the replay format. While the auction runs, the page does not pair names with bidder codes: nobody, the
/// operator's staff included, sees who holds which code before the close (SPC 2016 Arts 8, 18).
/// </summary>
[Authorize(Policy = Policies.CenterStaff)]
public sealed class ManageModel(TechMarketDbContext db, QualifyRegistration qualify, MarkDepositReceived markDeposit, TechMarket.Infrastructure.Payments.IDepositGate deposits) : PageModel
{
    public Auction Auction { get; private set; } = null!;
    public IReadOnlyList<(AuctionRegistration Registration, string Name)> Registrations { get; private set; } = [];

    /// <summary>Organisations whose deposit the ledger holds for this auction.</summary>
    public IReadOnlySet<Guid> DepositHolders { get; private set; } = new HashSet<Guid>();
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        return Page();
    }

    /// <summary>The bid log in the replay format (`techmarket replay-auction FILE.json` recomputes the outcome).</summary>
    public async Task<IActionResult> OnGetExportAsync(Guid id, CancellationToken cancellationToken)
    {
        var auction = await db.Auctions.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (auction is null) return NotFound();
        var log = await AuctionState.LogAsync(db, auction, cancellationToken);
        return File(System.Text.Encoding.UTF8.GetBytes(AuctionLogJson.Write(log)), "application/json", $"auction-{id:N}.json");
    }

    public async Task<IActionResult> OnPostQualifyAsync(Guid id, Guid registrationId, int? priorityRank, CancellationToken cancellationToken)
    {
        if (!await OwnsAsync(id, registrationId, cancellationToken)) return NotFound();
        var result = await qualify.RunAsync(registrationId, User.UserId(), priorityRank, cancellationToken);
        return await AfterAsync(id, result, "已通过资格审核并分配竞买号 / Qualified; bidder code assigned.", cancellationToken);
    }

    public async Task<IActionResult> OnPostDepositAsync(Guid id, Guid registrationId, CancellationToken cancellationToken)
    {
        if (!await OwnsAsync(id, registrationId, cancellationToken)) return NotFound();
        var result = await markDeposit.RunAsync(registrationId, User.UserId(), cancellationToken);
        return await AfterAsync(id, result, "已确认保证金到账 / Deposit marked as received.", cancellationToken);
    }

    private Task<bool> OwnsAsync(Guid id, Guid registrationId, CancellationToken cancellationToken) =>
        db.AuctionRegistrations.AnyAsync(r => r.Id == registrationId && r.AuctionId == id, cancellationToken);

    private async Task<IActionResult> AfterAsync(Guid id, RegistrationResult result, string done, CancellationToken cancellationToken)
    {
        if (!result.Succeeded)
        {
            if (!await LoadAsync(id, cancellationToken)) return NotFound();
            ModelState.AddModelError("", result.Error!);
            return Page();
        }
        TempData["Message"] = done;
        return Redirect($"/center/auctions/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Message = TempData["Message"] as string;
        var auction = await db.Auctions.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (auction is null) return false;
        Auction = auction;
        var rows = await db.AuctionRegistrations.AsNoTracking().Where(r => r.AuctionId == id)
            .Join(db.Organizations, r => r.OrganizationId, o => o.Id, (r, o) => new { r, o.Name })
            .ToListAsync(cancellationToken);
        Registrations = [.. rows.OrderBy(x => x.r.AppliedAt).Select(x => (x.r, x.Name))];
        DepositHolders = await deposits.HoldersAsync(TechMarket.Infrastructure.Payments.DepositSubjectKind.Auction, id, cancellationToken);
        return true;
    }
}
