using System.Text;
using Airline.Pipeline.StateMachines.Local.Internal.Json;

namespace Airline.Pipeline.StateMachines.Local.Internal.Engine;

/// <summary>Measures a value's UTF-8 JSON size without writing it, stopping once past the limit.</summary>
internal static class PayloadSize
{
    public static long Measure(JData value, long limit)
    {
        long size = 0;
        Add(value, ref size, limit);
        return size;
    }

    private static void Add(JData value, ref long size, long limit)
    {
        if (size > limit)
        {
            return;
        }

        switch (value)
        {
            case JNull:
                size += 4;
                break;
            case JBool b:
                size += b.Value ? 4 : 5;
                break;
            case JNumber n:
                size += n.Text.Length;
                break;
            case JString s:
                size += StringSize(s.Value);
                break;
            case JArray a:
                size += 2 + Math.Max(0, a.Count - 1);
                foreach (var item in a.Items)
                {
                    Add(item, ref size, limit);
                }

                break;
            case JObject o:
                size += 2 + Math.Max(0, o.Count - 1);
                for (var i = 0; i < o.Count; i++)
                {
                    size += StringSize(o.KeyAt(i)) + 1;
                    Add(o.ValueAt(i), ref size, limit);
                }

                break;
        }
    }

    private static long StringSize(string s)
    {
        long size = 2;
        foreach (var c in s)
        {
            size += c switch
            {
                '"' or '\\' or '\n' or '\r' or '\t' or '\b' or '\f' => 2,
                < ' ' => 6,
                < (char)0x80 => 1,
                < (char)0x800 => 2,
                _ when char.IsSurrogate(c) => 2,
                _ => 3,
            };
        }

        return size;
    }

    public static int Utf8Length(string s) => Encoding.UTF8.GetByteCount(s);
}
