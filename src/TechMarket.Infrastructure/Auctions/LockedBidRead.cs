using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using TechMarket.Domain.Payments;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Payments;
using TechMarket.Infrastructure.Payments.Persistence;

namespace TechMarket.Infrastructure.Auctions;

/// <summary>A registration as the bid path needs it.</summary>
internal sealed record BidderRow(Guid Id, Guid OrganizationId, RegistrationStatus Status, string? BidderCode, int? PriorityRank);

/// <summary>What a bid batch decides on, read under the auction's lock.</summary>
internal sealed record LockedBidFacts(Auction? Auction, List<BidderRow> Registrations, HashSet<Guid> Holders, HashSet<Guid> Barred);

/// <summary>
/// The bid batch's reads in one command, in the batch's transaction: the auction row (PostgreSQL: <c>SELECT … FOR UPDATE</c>,
/// the lock itself; SQLite holds the database's write lock since <c>BEGIN IMMEDIATE</c>), then, after the lock is granted,
/// who may bid: the registrations, the deposits held in the ledger (as <see cref="LedgerDepositGate.HoldersAsync"/> reads
/// them) and the organisations barred for an earlier default of this lot (SPC 2016 Art. 24: a default on another
/// auction of the same listing, as <see cref="AuctionBars.IsBarredAsync"/> asks for one organisation). On PostgreSQL BEGIN and the four statements travel in one round trip; the
/// statements run one after another, so the reads after the lock see every registration or deposit committed before it.
/// Names and value conversions come from the EF model; the text is constant, so the server prepares it once per connection.
/// </summary>
internal static class LockedBidRead
{
    public static async Task<LockedBidFacts> ReadAsync(TechMarketDbContext db, Guid auctionId, CancellationToken cancellationToken)
    {
        var postgres = db.Database.IsNpgsql();
        var auctions = db.Model.FindEntityType(typeof(Auction))!;
        var registrations = db.Model.FindEntityType(typeof(AuctionRegistration))!;
        var deposits = db.Model.FindEntityType(typeof(DepositRecord))!;
        var defaults = db.Model.FindEntityType(typeof(AuctionDefaultRecord))!;
        var auctionColumns = auctions.GetProperties().ToList();

        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("The bid read runs inside the auction's transaction.");
        command.CommandText = $"""
            SELECT {string.Join(", ", auctionColumns.Select(p => Column(auctions, p.Name)))} FROM {Table(auctions)} WHERE {Column(auctions, nameof(Auction.Id))} = @id{(postgres ? " FOR UPDATE" : "")};
            SELECT {Column(registrations, nameof(AuctionRegistration.Id))}, {Column(registrations, nameof(AuctionRegistration.OrganizationId))}, {Column(registrations, nameof(AuctionRegistration.Status))}, {Column(registrations, nameof(AuctionRegistration.BidderCode))}, {Column(registrations, nameof(AuctionRegistration.PriorityRank))}
              FROM {Table(registrations)} WHERE {Column(registrations, nameof(AuctionRegistration.AuctionId))} = @id;
            SELECT {Column(deposits, nameof(DepositRecord.OrganizationId))} FROM {Table(deposits)}
              WHERE {Column(deposits, nameof(DepositRecord.SubjectKind))} = @kind AND {Column(deposits, nameof(DepositRecord.SubjectId))} = @id AND {Column(deposits, nameof(DepositRecord.State))} = @held;
            SELECT d.{Column(defaults, nameof(AuctionDefaultRecord.OrganizationId))} FROM {Table(defaults)} d JOIN {Table(auctions)} a ON a.{Column(auctions, nameof(Auction.ListingId))} = d.{Column(defaults, nameof(AuctionDefaultRecord.ListingId))}
              WHERE a.{Column(auctions, nameof(Auction.Id))} = @id AND d.{Column(defaults, nameof(AuctionDefaultRecord.AuctionId))} <> @id
            """;
        command.Parameters.Add(Parameter(command, auctions.FindProperty(nameof(Auction.Id))!, "@id", auctionId));
        command.Parameters.Add(Parameter(command, deposits.FindProperty(nameof(DepositRecord.SubjectKind))!, "@kind", DepositSubjectKind.Auction));
        command.Parameters.Add(Parameter(command, deposits.FindProperty(nameof(DepositRecord.State))!, "@held", DepositState.Held));

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        Auction? auction = null;
        if (await reader.ReadAsync(cancellationToken))
        {
            auction = new Auction();
            for (var i = 0; i < auctionColumns.Count; i++) auctionColumns[i].PropertyInfo!.SetValue(auction, Value(reader, i, auctionColumns[i]));
        }
        await reader.NextResultAsync(cancellationToken);
        List<BidderRow> bidders = [];
        var status = registrations.FindProperty(nameof(AuctionRegistration.Status))!;
        var rank = registrations.FindProperty(nameof(AuctionRegistration.PriorityRank))!;
        var code = registrations.FindProperty(nameof(AuctionRegistration.BidderCode))!;
        var id = registrations.FindProperty(nameof(AuctionRegistration.Id))!;
        while (await reader.ReadAsync(cancellationToken))
        {
            bidders.Add(new BidderRow((Guid)Value(reader, 0, id)!, (Guid)Value(reader, 1, id)!, (RegistrationStatus)Value(reader, 2, status)!,
                (string?)Value(reader, 3, code), (int?)Value(reader, 4, rank)));
        }
        await reader.NextResultAsync(cancellationToken);
        var holders = await GuidsAsync(reader, deposits.FindProperty(nameof(DepositRecord.OrganizationId))!, cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        var barred = await GuidsAsync(reader, defaults.FindProperty(nameof(AuctionDefaultRecord.OrganizationId))!, cancellationToken);
        return new LockedBidFacts(auction, bidders, holders, barred);
    }

    private static async Task<HashSet<Guid>> GuidsAsync(DbDataReader reader, IProperty property, CancellationToken cancellationToken)
    {
        HashSet<Guid> ids = [];
        while (await reader.ReadAsync(cancellationToken)) ids.Add((Guid)Value(reader, 0, property)!);
        return ids;
    }

    /// <summary>Reads a column the way EF would for this property: the provider's reader method, then the value converter.</summary>
    private static object? Value(DbDataReader reader, int ordinal, IProperty property)
    {
        if (reader.IsDBNull(ordinal)) return null;
        var mapping = (RelationalTypeMapping)property.GetRelationalTypeMapping();
        var method = mapping.GetDataReaderMethod();
        var value = method.Invoke(reader, [ordinal]);
        return mapping.Converter is { } converter ? converter.ConvertFromProvider(value) : value;
    }

    private static DbParameter Parameter(DbCommand command, IProperty property, string name, object value) =>
        ((RelationalTypeMapping)property.GetRelationalTypeMapping()).CreateParameter(command, name, value, nullable: false);

    private static string Table(IEntityType entity) => Quote(entity.GetTableName()!);

    private static string Column(IEntityType entity, string property) =>
        Quote(entity.FindProperty(property)!.GetColumnName(StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema()))!);

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
