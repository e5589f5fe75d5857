using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace TechMarket.Infrastructure.Data;

/// <summary>Stores a DateTimeOffset as UTC ticks, so SQLite can sort and compare times.</summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero));
