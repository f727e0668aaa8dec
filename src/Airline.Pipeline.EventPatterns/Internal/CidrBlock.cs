using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Airline.Pipeline.EventPatterns.Internal;

/// <summary>An IPv4 or IPv6 block parsed from <c>address/mask</c>, matched against address strings.</summary>
internal sealed class CidrBlock
{
    private readonly bool _v6;
    private readonly UInt128 _network;
    private readonly UInt128 _mask;

    private CidrBlock(bool v6, UInt128 network, UInt128 mask, int maskBits)
    {
        _v6 = v6;
        _network = network;
        _mask = mask;
        MaskBits = maskBits;
    }

    public bool IsV6 => _v6;

    public UInt128 Network => _network;

    public int MaskBits { get; }

    /// <summary>The mask of a prefix length.</summary>
    public static UInt128 Mask(bool v6, int maskBits)
    {
        var bits = v6 ? 128 : 32;
        var mask = maskBits == 0 ? UInt128.Zero : UInt128.MaxValue << (bits - maskBits);
        return v6 ? mask : mask & uint.MaxValue;
    }

    /// <summary>Parses a block; null with a message when it is malformed.</summary>
    public static CidrBlock? TryParse(string text, out string? error)
    {
        error = null;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || slash != text.LastIndexOf('/'))
        {
            error = $"Malformed CIDR, one '/' required: \"{text}\"; write a block such as \"10.0.0.0/24\" or \"2001:db8::/32\".";
            return null;
        }

        var addressText = text[..slash];
        if (!TryParseAddress(addressText, out var value, out var v6))
        {
            error = $"Invalid IP address \"{addressText}\" in CIDR \"{text}\".";
            return null;
        }

        var bits = v6 ? 128 : 32;
        var maskText = text[(slash + 1)..];
        if (maskText.Length == 0 || maskText.Length > 3 || !maskText.All(char.IsAsciiDigit)
            || !int.TryParse(maskText, NumberStyles.None, CultureInfo.InvariantCulture, out var maskBits) || maskBits > bits)
        {
            error = $"Invalid CIDR mask \"{maskText}\" in \"{text}\": use 0 to {bits}.";
            return null;
        }

        var mask = Mask(v6, maskBits);
        return new CidrBlock(v6, value & mask, mask, maskBits);
    }

    /// <summary>True when the string is an address of the same family inside the block.</summary>
    public bool Contains(ReadOnlySpan<char> address)
    {
        if (!TryParseAddress(address, out var value, out var v6) || v6 != _v6)
        {
            return false;
        }

        return (value & _mask) == _network;
    }

    public static bool TryParseAddress(ReadOnlySpan<char> text, out UInt128 value, out bool v6)
    {
        value = default;
        v6 = false;
        if (TryParseV4(text, out var v4))
        {
            value = v4;
            return true;
        }

        if (text.IndexOf(':') < 0 || text.IndexOf('%') >= 0 || !IPAddress.TryParse(text, out var address)
            || address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        value = BinaryPrimitives.ReadUInt128BigEndian(bytes);
        v6 = true;
        return true;
    }

    private static bool TryParseV4(ReadOnlySpan<char> text, out uint value)
    {
        value = 0;
        var parts = 0;
        var i = 0;
        while (parts < 4)
        {
            var start = i;
            uint octet = 0;
            while (i < text.Length && char.IsAsciiDigit(text[i]) && i - start < 3)
            {
                octet = (octet * 10) + (uint)(text[i] - '0');
                i++;
            }

            if (i == start || octet > 255)
            {
                return false;
            }

            value = (value << 8) | octet;
            parts++;
            if (parts < 4)
            {
                if (i >= text.Length || text[i] != '.')
                {
                    return false;
                }

                i++;
            }
        }

        return i == text.Length;
    }
}
