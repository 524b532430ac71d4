using System.Globalization;
using System.Security.Cryptography;
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
    // A 40,000-unit import fingerprints 120,000 rows: one buffer a thread rather than one a row.
    [ThreadStatic]
    private static System.Buffers.ArrayBufferWriter<byte>? t_buffer;

    /// <summary>The fingerprint of a row's properties (keys, timestamp and ETag aside); Int32 and Int64 alike.</summary>
    public static string Fingerprint(TableEntity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var names = new List<string>(row.Count);
        foreach (var (name, value) in row)
        {
            if (value is not null && name is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag"))
            {
                names.Add(name);
            }
        }

        names.Sort(string.CompareOrdinal);
        var buffer = t_buffer ??= new System.Buffers.ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        foreach (var name in names)
        {
            var value = row[name];
            var (type, canonical) = value switch
            {
                string s => ('s', s),
                int i => ('n', i.ToString(CultureInfo.InvariantCulture)),
                long l => ('n', l.ToString(CultureInfo.InvariantCulture)),
                bool b => ('b', b ? "1" : "0"),
                double d => ('d', d.ToString("R", CultureInfo.InvariantCulture)),
                DateTimeOffset t => ('t', t.UtcTicks.ToString(CultureInfo.InvariantCulture)),
                DateTime t => ('t', t.ToUniversalTime().Ticks.ToString(CultureInfo.InvariantCulture)),
                Guid g => ('g', g.ToString("D")),
                byte[] b => ('x', Convert.ToBase64String(b)),
                BinaryData b => ('x', Convert.ToBase64String(b.ToArray())),
                _ => ('o', Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
            };

            // Lengths first, so that no two different rows make the same stream of bytes.
            Append(buffer, name);
            buffer.GetSpan(1)[0] = (byte)type;
            buffer.Advance(1);
            Append(buffer, canonical);
        }

        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(buffer.WrittenSpan, digest);
        return Convert.ToBase64String(digest[..16]);
    }

    private static void Append(System.Buffers.ArrayBufferWriter<byte> buffer, string text)
    {
        var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(text.AsSpan());
        var span = buffer.GetSpan(4 + bytes.Length);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(span, text.Length);
        bytes.CopyTo(span[4..]);
        buffer.Advance(4 + bytes.Length);
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
