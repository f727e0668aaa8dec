namespace Airline.Pipeline.StateMachines.Local.Internal.Jsonata;

internal static class JsonataParser
{
    public static JsonataNode Parse(string text) => throw new JsonataSyntaxException("JSONata is not supported yet", 0);
}
