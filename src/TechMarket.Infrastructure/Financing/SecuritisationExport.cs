using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Financing;
using TechMarket.Infrastructure.Data;

namespace TechMarket.Infrastructure.Financing;

public sealed record PoolParty(Guid Id, string Name, string? CreditCode);
public sealed record PoolPatent(string Number, string Title, string Kind, DateOnly FiledOn, DateOnly? GrantedOn, DateOnly ExpiresOn, string LegalStatus,
    IReadOnlyList<string> Patentees, IReadOnlyList<object> Licences);
public sealed record PoolInstalment(DateOnly DueOn, long PrincipalFen, long InterestFen);
public sealed record PoolPledge(Guid CaseId, string State, PoolParty Borrower, PoolParty? Lender, long? LoanAmountFen, int? AnnualRateBasisPoints,
    int? TermMonths, DateOnly? DebtStartsOn, DateOnly? DebtMaturesOn, long OutstandingPrincipalFen, string? RegistrationNotice, DateOnly? RegisteredOn,
    long? ValuationFen, string? ValuationMethod, string? ValuationReport, IReadOnlyList<PoolPatent> Patents,
    IReadOnlyList<PoolInstalment> Schedule, IReadOnlyList<PoolInstalment> Repayments);
public sealed record SecuritisationPool(string Format, DateTimeOffset GeneratedAt, string Currency, string AmountUnit, IReadOnlyList<PoolPledge> Pledges);

/// <summary>
/// A standardised pool for arrangers (DOMAIN.md "Securitisation support"): borrowers, pledges, patents with their licences,
/// repayment schedules. JSON nested; CSV one row per pledged patent, UTF-8 with BOM so spreadsheet tools read the Chinese.
/// Amounts are fen. Licence and royalty data join the patents when the licensing paths record them.
/// </summary>
public sealed class SecuritisationExport(TechMarketDbContext db, PatentRegister register, TimeProvider clock)
{
    public const string FormatName = "techmarket.pledge-pool.v1";

    public async Task<SecuritisationPool> BuildAsync(IReadOnlyCollection<Guid> caseIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caseIds);
        var rows = await db.PledgeCases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).OrderBy(c => c.CreatedAt).ToListAsync(cancellationToken);
        var orgs = await db.Organizations.AsNoTracking().Select(o => new { o.Id, o.Name, o.CreditCode }).ToDictionaryAsync(o => o.Id, cancellationToken);
        var cases = rows.Select(PledgeJsonRead).ToList();
        var patents = (await register.LoadAsync(cases.SelectMany(c => c.PatentNumbers).Distinct().ToList(), cancellationToken)).ToDictionary(p => p.Number);
        PoolParty Party(Guid id) => orgs.TryGetValue(id, out var o) ? new(o.Id, o.Name, o.CreditCode) : new(id, "—", null);
        var pledges = cases.Select(c => new PoolPledge(c.Id, c.State.ToString(), Party(c.ApplicantId), c.LenderId is { } l ? Party(l) : null,
            c.Decision?.LoanAmount.Fen, c.Decision?.AnnualRateBasisPoints, c.Decision?.TermMonths, c.Contract?.DebtStartsOn, c.Contract?.DebtMaturesOn,
            c.OutstandingPrincipal.Fen, c.Registration?.NoticeNumber, c.Registration?.RegisteredOn,
            c.Valuation?.Value.Fen, c.Valuation?.Method.ToString(), c.Valuation?.ReportNumber,
            [.. c.PatentNumbers.Where(patents.ContainsKey).Select(n => patents[n]).Select(p => new PoolPatent(p.Number, p.Title, p.Kind.ToString(), p.FiledOn, p.GrantedOn,
                p.ExpiresOn, p.Status.ToString(), [.. p.Patentees.Select(x => x.Name)], [.. p.Licences.Select(x => (object)new { type = x.Type.ToString(), from = x.From, until = x.Until })]))],
            [.. (c.Disbursement?.Schedule ?? []).Select(i => new PoolInstalment(i.DueOn, i.Principal.Fen, i.Interest.Fen))],
            [.. c.Repayments.Select(r => new PoolInstalment(r.PaidOn, r.Principal.Fen, r.Interest.Fen))])).ToList();
        return new SecuritisationPool(FormatName, clock.GetUtcNow(), "CNY", "fen", pledges);
    }

    private static PledgeCase PledgeJsonRead(PledgeCaseRow row) => PledgeJson.Read(row.Snapshot);

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static byte[] ToJson(SecuritisationPool pool) => JsonSerializer.SerializeToUtf8Bytes(pool, JsonOptions);

    public static readonly string[] CsvColumns =
    [
        "case_id", "state", "borrower", "borrower_credit_code", "lender", "loan_amount_fen", "annual_rate_bp", "term_months",
        "debt_starts_on", "debt_matures_on", "outstanding_principal_fen", "registration_notice", "registered_on", "valuation_fen",
        "patent_number", "patent_title", "patent_kind", "patent_filed_on", "patent_expires_on", "patent_status", "patentees",
        "licence_count", "instalments", "next_due_on",
    ];

    public static byte[] ToCsv(SecuritisationPool pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        var csv = new StringBuilder();
        csv.Append(string.Join(",", CsvColumns)).Append("\r\n");
        foreach (var p in pool.Pledges)
        {
            foreach (var patent in p.Patents)
            {
                string?[] cells =
                [
                    p.CaseId.ToString(), p.State, p.Borrower.Name, p.Borrower.CreditCode, p.Lender?.Name, Num(p.LoanAmountFen), Num(p.AnnualRateBasisPoints), Num(p.TermMonths),
                    Day(p.DebtStartsOn), Day(p.DebtMaturesOn), Num(p.OutstandingPrincipalFen), p.RegistrationNotice, Day(p.RegisteredOn), Num(p.ValuationFen),
                    patent.Number, patent.Title, patent.Kind, Day(patent.FiledOn), Day(patent.ExpiresOn), patent.LegalStatus, string.Join("; ", patent.Patentees),
                    Num(patent.Licences.Count), Num(p.Schedule.Count), Day(p.Schedule.Select(i => (DateOnly?)i.DueOn).FirstOrDefault()),
                ];
                csv.Append(string.Join(",", cells.Select(Quote))).Append("\r\n");
            }
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static string? Num(long? n) => n?.ToString(CultureInfo.InvariantCulture);
    private static string? Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>RFC 4180; a leading = + - @ is prefixed with ' so spreadsheets do not run it as a formula.</summary>
    private static string Quote(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '@' or '-' && !long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)) value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
