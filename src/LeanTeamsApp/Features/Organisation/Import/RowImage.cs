using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;

namespace LeanTeamsApp.Features.Organisation.Import;

/// <summary>
/// A row's content as the import journal keeps it: the full before-image of a row an import is about to change, and a
/// short fingerprint of what the import writes, so that a rollback restores only rows still as the import left them
/// and never undoes an edit someone made afterwards.
/// </summary>
internal static class RowImage
{
    /// <summary>The fingerprint of a row's properties (keys, timestamp and ETag aside); Int32 and Int64 alike.</summary>
    public static string Fingerprint(TableEntity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var text = new StringBuilder();
        foreach (var (name, value) in Properties(row).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var canonical = value switch
            {
                string s => "s" + s,
                int i => "n" + i.ToString(CultureInfo.InvariantCulture),
                long l => "n" + l.ToString(CultureInfo.InvariantCulture),
                bool b => b ? "b1" : "b0",
                double d => "d" + d.ToString("R", CultureInfo.InvariantCulture),
                DateTimeOffset t => "t" + t.UtcTicks.ToString(CultureInfo.InvariantCulture),
                DateTime t => "t" + t.ToUniversalTime().Ticks.ToString(CultureInfo.InvariantCulture),
                Guid g => "g" + g.ToString("D"),
                byte[] b => "x" + Convert.ToBase64String(b),
                BinaryData b => "x" + Convert.ToBase64String(b.ToArray()),
                _ => "o" + Convert.ToString(value, CultureInfo.InvariantCulture),
            };
            text.Append(name.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(name)
                .Append(canonical.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(canonical);
        }

        return Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))[..16]);
    }

    /// <summary>The row's own properties: what a restore writes back.</summary>
    public static IEnumerable<KeyValuePair<string, object>> Properties(TableEntity row) =>
        row.Where(p => p.Value is not null && p.Key is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag"))!;

    /// <summary>Writes a row's properties with their types, so that an Int32 is restored as an Int32.</summary>
    public static void Write(Utf8JsonWriter json, TableEntity row)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.WriteStartObject();
        foreach (var (name, value) in Properties(row))
        {
            json.WriteStartArray(name);
            switch (value)
            {
                case string s:
                    json.WriteStringValue("s");
                    json.WriteStringValue(s);
                    break;
                case int i:
                    json.WriteStringValue("i");
                    json.WriteNumberValue(i);
                    break;
                case long l:
                    json.WriteStringValue("l");
                    json.WriteStringValue(l.ToString(CultureInfo.InvariantCulture));
                    break;
                case bool b:
                    json.WriteStringValue("b");
                    json.WriteBooleanValue(b);
                    break;
                case double d:
                    json.WriteStringValue("d");
                    json.WriteStringValue(d.ToString("R", CultureInfo.InvariantCulture));
                    break;
                case DateTimeOffset t:
                    json.WriteStringValue("t");
                    json.WriteStringValue(t.ToString("O", CultureInfo.InvariantCulture));
                    break;
                case DateTime t:
                    json.WriteStringValue("t");
                    json.WriteStringValue(new DateTimeOffset(t.ToUniversalTime()).ToString("O", CultureInfo.InvariantCulture));
                    break;
                case Guid g:
                    json.WriteStringValue("g");
                    json.WriteStringValue(g.ToString("D"));
                    break;
                case byte[] bytes:
                    json.WriteStringValue("x");
                    json.WriteBase64StringValue(bytes);
                    break;
                case BinaryData data:
                    json.WriteStringValue("x");
                    json.WriteBase64StringValue(data.ToArray());
                    break;
                default:
                    throw new InvalidOperationException($"Row {row.RowKey}: property {name} has a type ({value.GetType().Name}) the import journal cannot keep.");
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    public static TableEntity Read(JsonElement properties, string partitionKey, string rowKey)
    {
        var row = new TableEntity(partitionKey, rowKey);
        foreach (var property in properties.EnumerateObject())
        {
            var type = property.Value[0].GetString();
            var value = property.Value[1];
            row[property.Name] = type switch
            {
                "s" => value.GetString(),
                "i" => value.GetInt32(),
                "l" => long.Parse(value.GetString()!, CultureInfo.InvariantCulture),
                "b" => value.GetBoolean(),
                "d" => double.Parse(value.GetString()!, CultureInfo.InvariantCulture),
                "t" => DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                "g" => Guid.Parse(value.GetString()!),
                "x" => value.GetBytesFromBase64(),
                _ => throw new InvalidOperationException($"Row {rowKey}: the import journal holds an unknown type '{type}'."),
            };
        }

        return row;
    }
}
