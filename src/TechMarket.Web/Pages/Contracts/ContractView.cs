using Microsoft.EntityFrameworkCore;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.RdContracts;

namespace TechMarket.Web.Pages.Contracts;

/// <summary>What the contract pages show beside the domain object: party names, escrow figures (from the ledger), deliverable files.</summary>
public sealed record ContractView(LoadedContract Loaded, string Client, string Developer, ContractEscrowView Escrow,
    IReadOnlyList<RdDeliverableFile> Files, IReadOnlyDictionary<Guid, string> SignerNames)
{
    public static async Task<ContractView> LoadAsync(LoadedContract loaded, TechMarketDbContext db, ReadContractEscrow escrow, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(escrow);
        var r = loaded.Record;
        var names = await db.Organizations.AsNoTracking().Where(o => o.Id == r.ClientOrganizationId || o.Id == r.DeveloperOrganizationId)
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var files = await db.RdDeliverableFiles.AsNoTracking().Where(f => f.ContractId == r.Id).OrderBy(f => f.UploadedAt).ToListAsync(cancellationToken);
        var signerIds = loaded.Contract.Signatures.Select(s => s.PersonId).ToList();
        var signers = await db.Users.AsNoTracking().Where(u => signerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return new ContractView(loaded, names[r.ClientOrganizationId], names[r.DeveloperOrganizationId], await escrow.RunAsync(r.Id, cancellationToken), files, signers);
    }

    public EscrowBalance? EscrowOf(int milestone) => Escrow.Of(milestone);
}
