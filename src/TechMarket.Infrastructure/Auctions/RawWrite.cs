using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace TechMarket.Infrastructure.Auctions;

/// <summary>
/// Several INSERTs and UPDATEs sent as one command (one round trip) inside the current transaction, without the change
/// tracker. Table names, column names and value conversions (SQLite's UTC ticks and text GUIDs, enums as text) come from
/// the EF model, so the SQL matches what migrations created on either provider. Used by the bid group commit only.
/// </summary>
internal sealed class RawWrite(DbContext db)
{
    private readonly StringBuilder sql = new();
    private readonly List<(IProperty Property, object? Value)> values = [];

    public bool IsEmpty => sql.Length == 0;

    /// <summary>Appends one multi-row INSERT of <paramref name="rows"/>; generated keys are left to the database.</summary>
    public void Insert<T>(IReadOnlyCollection<T> rows) where T : class
    {
        if (rows.Count == 0) return;
        var (entity, table) = Table<T>();
        var columns = entity.GetProperties().Where(p => p.ValueGenerated != ValueGenerated.OnAdd).ToList();
        sql.Append("INSERT INTO ").Append(Quote(table.Name)).Append(" (")
            .AppendJoin(", ", columns.Select(c => Quote(c.GetColumnName(table)!))).Append(") VALUES ");
        var first = true;
        foreach (var row in rows)
        {
            sql.Append(first ? "(" : ", (");
            first = false;
            sql.AppendJoin(", ", columns.Select(c => Parameter(c, c.PropertyInfo!.GetValue(row))));
            sql.Append(')');
        }
        sql.Append(";\n");
    }

    /// <summary>Appends an UPDATE of the named properties of the row with the given key.</summary>
    public void Update<T>(object key, T row, params string[] propertyNames) where T : class
    {
        var (entity, table) = Table<T>();
        var keyProperty = entity.FindPrimaryKey()!.Properties.Single();
        sql.Append("UPDATE ").Append(Quote(table.Name)).Append(" SET ")
            .AppendJoin(", ", propertyNames.Select(name =>
            {
                var property = entity.FindProperty(name)!;
                return Quote(property.GetColumnName(table)!) + " = " + Parameter(property, property.PropertyInfo!.GetValue(row));
            }))
            .Append(" WHERE ").Append(Quote(keyProperty.GetColumnName(table)!)).Append(" = ").Append(Parameter(keyProperty, key)).Append(";\n");
    }

    public async Task ExecuteAsync(CancellationToken cancellationToken)
    {
        if (IsEmpty) return;
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("RawWrite runs inside the auction's transaction.");
        command.CommandText = sql.ToString();
        for (var i = 0; i < values.Count; i++)
        {
            var (property, value) = values[i];
            var mapping = (RelationalTypeMapping)property.GetRelationalTypeMapping();
            command.Parameters.Add(mapping.CreateParameter(command, Name(i), value, property.IsNullable));
        }
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private string Parameter(IProperty property, object? value)
    {
        values.Add((property, value));
        return Name(values.Count - 1);
    }

    private static string Name(int index) => "@w" + index.ToString(CultureInfo.InvariantCulture);

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private (IEntityType Entity, StoreObjectIdentifier Table) Table<T>()
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        return (entity, StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema()));
    }
}
