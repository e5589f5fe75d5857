using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Demands;
using TechMarket.Domain.RdContracts;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Identity;
using TechMarket.Infrastructure.RdContracts;
using TechMarket.Web.Identity;

namespace TechMarket.Web.Pages.Proposals;

/// <summary>
/// A proposal, visible to its author organisation, the demand's owner and the center (404 for anyone else): the thread,
/// and the owner's shortlist, selection (揭榜), structured decline, and the contract draft.
/// </summary>
[Authorize(Policy = Policies.OrganizationMember)]
public sealed class DetailsModel(TechMarketDbContext db, FindVisibleProposal find, ShortlistProposal shortlist, PostProposalMessage postMessage,
    SelectProposal select, DeclineProposal decline, CreateDevelopmentContract createContract) : PageModel
{
    public VisibleProposal Item { get; private set; } = null!;
    public string Author { get; private set; } = "";
    public string Owner { get; private set; } = "";
    public bool IsOwner { get; private set; }
    public bool IsAuthor { get; private set; }
    public IReadOnlyList<ProposalMessage> Messages { get; private set; } = [];
    public Guid? ContractId { get; private set; }
    [BindProperty] public string? MessageText { get; set; }
    [BindProperty] public DeclineReason? Reason { get; set; }
    [BindProperty] public string? ReasonText { get; set; }
    [BindProperty] public DevelopmentContractType ContractType { get; set; } = DevelopmentContractType.Commissioned;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostMessageAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, nameof(MessageText), p => postMessage.RunAsync(p, User.OrganizationId()!.Value, User.UserId()!.Value,
            User.FindFirst(TechMarketClaims.DisplayName)?.Value ?? "", MessageText ?? "", cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostShortlistAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, "", p => shortlist.RunAsync(p, User.OrganizationId()!.Value, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostSelectAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, "", p => select.RunAsync(p, User.OrganizationId()!.Value, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostDeclineAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, nameof(Reason), p => Reason is { } r
            ? decline.RunAsync(p, User.OrganizationId()!.Value, r, ReasonText, cancellationToken)
            : Task.FromResult<BilingualText?>(new BilingualText("请选择理由", "Choose a reason")), cancellationToken);

    public async Task<IActionResult> OnPostContractAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        var (contractId, problem) = await createContract.RunAsync(Item, User.OrganizationId()!.Value, ContractType, cancellationToken);
        if (problem is { } p)
        {
            ModelState.AddModelError("", p.ToString());
            return Page();
        }
        return RedirectToPage("/Contracts/Details", new { id = contractId });
    }

    private async Task<IActionResult> ActAsync(Guid id, string field, Func<VisibleProposal, Task<BilingualText?>> act, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        if (await act(Item) is { } problem)
        {
            ModelState.AddModelError(field, problem.ToString());
            await LoadAsync(id, cancellationToken);
            return Page();
        }
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var orgId = User.OrganizationId();
        if (await find.RunAsync(id, orgId, User.IsCenterStaff(), cancellationToken) is not { } item) return false;
        Item = item;
        IsOwner = orgId == item.Demand.OwnerOrganizationId;
        IsAuthor = orgId == item.Proposal.AuthorOrganizationId;
        var names = await db.Organizations.AsNoTracking().Where(o => o.Id == item.Demand.OwnerOrganizationId || o.Id == item.Proposal.AuthorOrganizationId)
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        Owner = names[item.Demand.OwnerOrganizationId];
        Author = names[item.Proposal.AuthorOrganizationId];
        Messages = await db.ProposalMessages.AsNoTracking().Where(m => m.ProposalId == id).OrderBy(m => m.At).ToListAsync(cancellationToken);
        ContractId = await db.RdContracts.AsNoTracking().Where(c => c.ProposalId == id).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken);
        return true;
    }
}
