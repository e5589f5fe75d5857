using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechMarket.Domain.RdContracts;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.RdContracts;
using TechMarket.Web.Identity;
using TechMarket.Web.RdContracts;

namespace TechMarket.Web.Pages.Contracts;

/// <summary>
/// 技术合同认定登记 data sheet, prepared for the developer side after signing: contract category, technology transaction
/// amount (equipment, instruments and materials excluded), parties.
/// </summary>
[Authorize(Policy = Policies.OrganizationMember)]
public sealed class RegistrationModel(TechMarketDbContext db, RdContractStore store, ReadContractEscrow escrow, TimeProvider clock) : PageModel
{
    public ContractView View { get; private set; } = null!;
    public TechnologyContractRegistrationSheet? Sheet { get; private set; }
    /// <summary>设备、仪器和材料费用, in 万元.</summary>
    [BindProperty(SupportsGet = true)] public decimal? EquipmentWan { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (User.Caller() is not { } caller || await store.LoadVisibleAsync(id, caller, cancellationToken) is not { } loaded) return NotFound();
        View = await ContractView.LoadAsync(loaded, db, escrow, cancellationToken);
        var equipment = EquipmentWan is { } w ? Money.FromWanYuan(w) : Money.Zero;
        var (sheet, refusal) = TechnologyContractRegistrationSheet.Prepare(loaded.Contract, equipment, RdClock.Today(clock.GetUtcNow()));
        if (refusal is not null) ModelState.AddModelError(nameof(EquipmentWan), $"{refusal.MessageZh} / {refusal.MessageEn}");
        Sheet = sheet;
        return Page();
    }
}
