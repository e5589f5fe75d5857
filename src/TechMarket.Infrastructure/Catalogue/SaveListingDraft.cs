using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Imports;

namespace TechMarket.Infrastructure.Catalogue;

/// <summary>What the seller's form sends. Field names are the ones errors are reported under.</summary>
public sealed record ListingDraftInput
{
    /// <summary>List over a record already in the catalogue (its <see cref="CatalogueRecord.RecordId"/>, e.g. CN113914863A) ...</summary>
    public string? ExistingRecordId { get; init; }
    /// <summary>... or describe a new one.</summary>
    public AssetKind Kind { get; init; } = AssetKind.InventionPatent;
    public string? Number { get; init; }
    public string? Title { get; init; }
    public string? Abstract { get; init; }
    public string? Claims { get; init; }
    /// <summary>IPC codes separated by ; or ,</summary>
    public string? IpcCodes { get; init; }
    public DateOnly? FilingDate { get; init; }
    public DateOnly? GrantDate { get; init; }

    public TradeModes TradeModes { get; init; }
    /// <summary>万元; null for 面议.</summary>
    public decimal? PriceWanYuan { get; init; }
    public Industry Industry { get; init; }
    public int? Trl { get; init; }
    public LegalStatus? LegalStatus { get; init; }
    public bool IsPledged { get; init; }
    public bool PledgeeConsented { get; init; }
    public string? Encumbrances { get; init; }
    /// <summary>Other patentees, one per line.</summary>
    public string? CoOwners { get; init; }
}

public sealed record ListingDraftResult(Guid? ListingId, IReadOnlyDictionary<string, BilingualText> Errors, bool NotFound = false)
{
    public bool Succeeded => ListingId is not null && Errors.Count == 0;
}

/// <summary>Creates a draft listing (over a new or an existing record) or changes an editable one.</summary>
public sealed class SaveListingDraft(TechMarketDbContext db, TimeProvider clock)
{
    public async Task<ListingDraftResult> RunAsync(Guid? listingId, Guid organizationId, ListingDraftInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var now = clock.GetUtcNow();
        var today = ChinaTime.Today(now);
        var errors = new Dictionary<string, BilingualText>();

        if (input.TradeModes == TradeModes.None) errors[nameof(input.TradeModes)] = new("请至少选择一种交易方式", "Choose at least one trade mode");
        Money? price = null;
        if (input.PriceWanYuan is { } wan)
        {
            if (wan <= 0 || wan > 10_000_000) errors[nameof(input.PriceWanYuan)] = new("价格应为正数（万元），面议请留空", "The price is a positive number of 万元 (10,000 yuan); leave it empty for 面议");
            else price = Money.FromWanYuan(wan);
        }
        if (input.Trl is < 1 or > 9) errors[nameof(input.Trl)] = new("技术成熟度为 1 至 9", "TRL is 1 to 9");

        Listing? listing = null;
        CatalogueRecord? record = null;
        if (listingId is { } id)
        {
            listing = await db.Listings.Include(l => l.Record).FirstOrDefaultAsync(l => l.Id == id && l.OrganizationId == organizationId, cancellationToken);
            if (listing is null) return new(null, errors, NotFound: true);
            if (!listing.IsEditable) errors[""] = new("只有草稿或被退回的挂牌可以修改", "Only a draft or a rejected listing can be edited");
            record = listing.Record;
        }
        else if (!string.IsNullOrWhiteSpace(input.ExistingRecordId))
        {
            record = await db.CatalogueRecords.FirstOrDefaultAsync(r => r.RecordId == input.ExistingRecordId.Trim(), cancellationToken);
            if (record is null) errors[nameof(input.ExistingRecordId)] = new("目录中没有这个编号的记录", "No record with this number in the catalogue");
        }
        else
        {
            record = await NewRecordAsync(input, today, errors, cancellationToken);
        }

        DateOnly? lastDay = null;
        if (record is not null && record.Kind is AssetKind.InventionPatent or AssetKind.UtilityModel or AssetKind.Design or AssetKind.PatentApplication
            && input.FilingDate is { } filing)
        {
            if (PatentDates.TryCreate(record.Kind, filing, input.GrantDate, today, out var dates, out var dateError)) lastDay = dates.LastDayInForce;
            else errors[dateError is PatentDateError.FilingBeforePatentLaw or PatentDateError.FilingInFuture ? nameof(input.FilingDate) : nameof(input.GrantDate)] = dateError.Message();
        }

        if (errors.Count > 0) return new(null, errors);
        if (listing is null)
        {
            listing = new Listing(Guid.NewGuid(), record!.Id, organizationId, input.TradeModes, price, input.Industry, input.Trl, isDemo: false, createdAt: now);
            db.Listings.Add(listing);
            db.AuditAs("listing.created");
        }
        else
        {
            listing.ChangeTerms(input.TradeModes, price, input.Industry, input.Trl);
            db.AuditAs("listing.edited");
        }
        listing.DeclareStanding(input.LegalStatus, lastDay ?? listing.LastDayInForce, input.IsPledged, input.PledgeeConsented, input.Encumbrances);
        listing.SetCoOwners((input.CoOwners ?? "").Split(['\n', '\r', ';', '；', '、'], StringSplitOptions.RemoveEmptyEntries));
        await db.SaveChangesAsync(cancellationToken);
        return new(listing.Id, errors);
    }

    private async Task<CatalogueRecord?> NewRecordAsync(ListingDraftInput input, DateOnly today, Dictionary<string, BilingualText> errors, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(input.Title)) errors[nameof(input.Title)] = new("请填写名称", "The title is required");
        var isPatent = input.Kind is AssetKind.InventionPatent or AssetKind.UtilityModel or AssetKind.Design or AssetKind.PatentApplication;
        string? recordId = null;
        if (isPatent)
        {
            if (string.IsNullOrWhiteSpace(input.Number)) errors[nameof(input.Number)] = new("请填写专利号或申请号，例如 ZL201710601862.3 或 CN113914863A", "The patent or application number is required, e.g. ZL201710601862.3 or CN113914863A");
            else if (ImportFields.TryPatentNumber(input.Number, out var id, out _, out var reason)) recordId = id;
            else errors[nameof(input.Number)] = reason;
            if (input.FilingDate is null) errors[nameof(input.FilingDate)] = new("请填写申请日", "The filing date is required");
        }
        else
        {
            recordId = string.IsNullOrWhiteSpace(input.Number) ? "TM-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant() : input.Number.Trim();
        }
        if (recordId is not null && await db.CatalogueRecords.AnyAsync(r => r.RecordId == recordId, cancellationToken))
        {
            errors[nameof(input.Number)] = new($"编号 {recordId} 已在目录中，请改为选择已有记录", $"{recordId} is already in the catalogue: choose the existing record instead");
        }
        var ipcProblems = new List<BilingualText>();
        var ipc = ImportFields.IpcCodes((input.IpcCodes ?? "").Split([';', '；', ',', '，', '\n'], StringSplitOptions.RemoveEmptyEntries), ipcProblems);
        if (ipcProblems.Count > 0) errors[nameof(input.IpcCodes)] = ipcProblems[0];
        if (errors.Count > 0 || recordId is null) return null;
        var record = new CatalogueRecord(Guid.NewGuid(), recordId, input.Kind, input.Title!.Trim(), ImportFields.NullIfBlank(input.Abstract), ImportFields.NullIfBlank(input.Claims),
            "zh", "卖方填报 / Entered by the seller", "", null, null,
            // The record keeps IPC codes space-separated, so each is stored in its compact form (H01M10/0525).
            ipc.Select(c => c.Replace(" ", "", StringComparison.Ordinal)));
        db.CatalogueRecords.Add(record);
        return record;
    }
}
