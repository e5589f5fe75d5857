using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using TechMarket.Infrastructure.Data;

namespace TechMarket.Infrastructure.Auctions;

/// <summary>
/// INSERTs and UPDATEs inside the current transaction, without the change tracker. Table names, column names and value
/// conversions (SQLite's UTC ticks and text GUIDs, enums as text) come from the EF model, so the SQL matches what
/// migrations created on either provider. On PostgreSQL each table's INSERT is <c>INSERT … SELECT * FROM unnest(…)</c>
/// with one array parameter per column: its text is the same whatever the number of rows, so the server parses and plans
/// it once per connection (Npgsql's automatic preparation), and all statements go in one batch (one round trip). On
/// SQLite (in process: no round trips) one command holds every statement, with multi-row INSERTs. Used by the bid group
/// commit only.
/// </summary>
internal sealed class RawWrite(DbContext db)
{
    private readonly List<Statement> statements = [];
    private readonly bool postgres = db.Database.IsNpgsql();

    /// <summary>Appends the INSERT of <paramref name="rows"/>; generated keys are left to the database.</summary>
    public void Insert<T>(IReadOnlyCollection<T> rows) where T : class
    {
        if (rows.Count == 0) return;
        var (entity, table) = Table<T>();
        var columns = entity.GetProperties().Where(p => p.ValueGenerated != ValueGenerated.OnAdd).ToList();
        var sql = new StringBuilder("INSERT INTO ").Append(Quote(table.Name)).Append(" (")
            .AppendJoin(", ", columns.Select(c => Quote(c.GetColumnName(table)!))).Append(") ");
        var index = statements.Count;
        if (postgres) sql.Append("SELECT * FROM unnest(").AppendJoin(", ", columns.Select((_, c) => Name(index, c))).Append(')');
        else sql.Append("VALUES ").AppendJoin(", ", rows.Select((_, r) => "(" + string.Join(", ", columns.Select((_, c) => Name(index, r * columns.Count + c))) + ")"));
        statements.Add(new Statement(sql.ToString(), columns,
            [.. rows.Select(row => columns.Select(c => c.PropertyInfo!.GetValue(row)).ToArray())]));
    }

    /// <summary>Appends an UPDATE of the named properties of the row with the given key.</summary>
    public void Update<T>(object key, T row, params string[] propertyNames) where T : class
    {
        var (entity, table) = Table<T>();
        var keyProperty = entity.FindPrimaryKey()!.Properties.Single();
        List<IProperty> columns = [.. propertyNames.Select(name => entity.FindProperty(name)!), keyProperty];
        var index = statements.Count;
        var sql = new StringBuilder("UPDATE ").Append(Quote(table.Name)).Append(" SET ")
            .AppendJoin(", ", columns.SkipLast(1).Select((c, i) => Quote(c.GetColumnName(table)!) + " = " + Name(index, i)))
            .Append(" WHERE ").Append(Quote(keyProperty.GetColumnName(table)!)).Append(" = ").Append(Name(index, columns.Count - 1));
        statements.Add(new Statement(sql.ToString(), columns, [[.. columns.SkipLast(1).Select(c => c.PropertyInfo!.GetValue(row)), key]], IsUpdate: true));
    }

    /// <summary>
    /// Runs the statements and commits <paramref name="transaction"/>. On PostgreSQL COMMIT is the batch's last statement,
    /// so the write and the commit are one round trip; if any statement fails, the server skips the rest, COMMIT included,
    /// and disposing the transaction rolls it back. Returns only once the commit is acknowledged (durable).
    /// </summary>
    public async Task ExecuteAndCommitAsync(RowLock transaction, CancellationToken cancellationToken)
    {
        if (postgres)
        {
            await ExecuteAsync(commit: true, cancellationToken);
            return;
        }
        await ExecuteAsync(commit: false, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task ExecuteAsync(bool commit, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("RawWrite runs inside the auction's transaction.");
        if (postgres)
        {
            await using var batch = connection.CreateBatch();
            batch.Transaction = transaction;
            for (var s = 0; s < statements.Count; s++)
            {
                var statement = statements[s];
                var command = batch.CreateBatchCommand();
                command.CommandText = statement.Sql;
                for (var c = 0; c < statement.Columns.Count; c++)
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = Name(s, c);
                    parameter.Value = statement.IsUpdate ? Provider(statement.Columns[c], statement.Rows[0][c]) ?? DBNull.Value : Column(statement, c);
                    command.Parameters.Add(parameter);
                }
                batch.BatchCommands.Add(command);
            }
            if (commit)
            {
                var commitCommand = batch.CreateBatchCommand();
                commitCommand.CommandText = "COMMIT";
                batch.BatchCommands.Add(commitCommand);
            }
            await batch.ExecuteNonQueryAsync(cancellationToken);
            return;
        }
        // SQLite runs in process: one command holding every statement, as many rows as the batch has.
        await using var sqlite = connection.CreateCommand();
        sqlite.Transaction = transaction;
        sqlite.CommandText = string.Join(";\n", statements.Select(statement => statement.Sql));
        for (var s = 0; s < statements.Count; s++)
        {
            var statement = statements[s];
            for (var r = 0; r < statement.Rows.Count; r++)
            {
                for (var c = 0; c < statement.Columns.Count; c++)
                {
                    var property = statement.Columns[c];
                    var mapping = (RelationalTypeMapping)property.GetRelationalTypeMapping();
                    sqlite.Parameters.Add(mapping.CreateParameter(sqlite, Name(s, r * statement.Columns.Count + c), statement.Rows[r][c], property.IsNullable));
                }
            }
        }
        if (sqlite.CommandText.Length > 0) await sqlite.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>One column of a PostgreSQL multi-row insert as a typed array (uuid[], bigint[], text[] …) for unnest.</summary>
    private static Array Column(Statement statement, int column)
    {
        var property = statement.Columns[column];
        var mapping = (RelationalTypeMapping)property.GetRelationalTypeMapping();
        var type = mapping.Converter?.ProviderClrType ?? mapping.ClrType;
        if (property.IsNullable && type.IsValueType && Nullable.GetUnderlyingType(type) is null) type = typeof(Nullable<>).MakeGenericType(type);
        var values = Array.CreateInstance(type, statement.Rows.Count);
        for (var r = 0; r < statement.Rows.Count; r++) values.SetValue(Provider(property, statement.Rows[r][column]), r);
        return values;
    }

    private static object? Provider(IProperty property, object? value) =>
        value is null ? null : ((RelationalTypeMapping)property.GetRelationalTypeMapping()).Converter is { } converter ? converter.ConvertToProvider(value) : value;

    private static string Name(int statement, int column) => string.Create(CultureInfo.InvariantCulture, $"@w{statement}_{column}");

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private (IEntityType Entity, StoreObjectIdentifier Table) Table<T>()
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        return (entity, StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema()));
    }

    private sealed record Statement(string Sql, IReadOnlyList<IProperty> Columns, IReadOnlyList<object?[]> Rows, bool IsUpdate = false);
}
