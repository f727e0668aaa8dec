using System.Text;

namespace Airline.Pipeline.Flights.Internal;

/// <summary>
/// A plain RFC 4180 record reader over text (for small files: airports, enriched output read back). Strict:
/// a quote inside an unquoted field, text after a closing quote and an unterminated quote are errors with the line.
/// </summary>
internal sealed class CsvRecordReader
{
    private readonly TextReader _reader;
    private readonly StringBuilder _field = new();
    private readonly List<bool> _quoted = [];
    private long _line = 1;

    public CsvRecordReader(TextReader reader) => _reader = reader;

    /// <summary>The line where the last record returned starts.</summary>
    public long RecordLine { get; private set; }

    /// <summary>Whether field <paramref name="index"/> of the last record was quoted (an empty quoted field is an empty string, not NULL).</summary>
    public bool WasQuoted(int index) => index < _quoted.Count && _quoted[index];

    /// <summary>Reads the next record (null at the end); blank lines are skipped.</summary>
    public List<string>? Read()
    {
        while (true)
        {
            if (_reader.Peek() < 0)
            {
                return null;
            }

            RecordLine = _line;
            var record = ReadRecord();
            if (record.Count == 1 && record[0].Length == 0)
            {
                continue;
            }

            return record;
        }
    }

    private List<string> ReadRecord()
    {
        var fields = new List<string>();
        _field.Clear();
        _quoted.Clear();
        var quoted = false;
        var afterQuote = false;
        while (true)
        {
            var c = _reader.Read();
            if (c < 0)
            {
                if (quoted)
                {
                    throw new FlightDataException(RecordLine, "a quoted field is not closed before the end of the file");
                }

                fields.Add(_field.ToString());
                return fields;
            }

            if (quoted)
            {
                if (c == '"')
                {
                    if (_reader.Peek() == '"')
                    {
                        _reader.Read();
                        _field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                        afterQuote = true;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        _line++;
                    }

                    _field.Append((char)c);
                }

                continue;
            }

            switch (c)
            {
                case ',':
                    fields.Add(_field.ToString());
                    _field.Clear();
                    afterQuote = false;
                    break;
                case '\r' when _reader.Peek() == '\n':
                    break;
                case '\n':
                    _line++;
                    fields.Add(_field.ToString());
                    return fields;
                case '"' when _field.Length == 0 && !afterQuote:
                    quoted = true;
                    while (_quoted.Count <= fields.Count)
                    {
                        _quoted.Add(false);
                    }

                    _quoted[fields.Count] = true;
                    break;
                case '"':
                    throw new FlightDataException(_line, $"field {fields.Count + 1} has a quote inside an unquoted field; quote the whole field and double the quote (\"\")");
                default:
                    if (afterQuote)
                    {
                        throw new FlightDataException(_line, $"field {fields.Count + 1} has text after its closing quote");
                    }

                    _field.Append((char)c);
                    break;
            }
        }
    }
}
