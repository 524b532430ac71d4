using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;
using LeanTeamsApp.Features.Organisation;

namespace LeanTeamsApp.Infrastructure.Terms;

/// <summary>
/// The organisation's own terms for whatever the app says in one turn, tab request or tenant's scheduler run: set once
/// where the organisation is known (<see cref="Use"/>), and applied by every <c>*Texts.For(language)</c>, so that no
/// sentence anywhere has to ask for them. Outside such a scope, or where the organisation sets nothing, the texts are
/// the glossary's as written.
/// </summary>
public static class OwnTerms
{
    // An async flow's value does not leak back to its caller: one tenant's run cannot word the next tenant's.
    private static readonly AsyncLocal<OrganisationTerms?> Current = new();

    // Each texts table is a static instance; its rewrites live as long as it does, one per set of terms.
    private static readonly ConditionalWeakTable<object, System.Collections.Concurrent.ConcurrentDictionary<Wording, object>> Rewritten = [];

    private static readonly MethodInfo CloneMethod = typeof(object).GetMethod("MemberwiseClone", BindingFlags.Instance | BindingFlags.NonPublic)!;

    /// <summary>The organisation's terms for the rest of the calling async flow (the turn, the request, the tenant's run).</summary>
    public static void Use(OrganisationTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        Current.Value = terms;
    }

    public static OrganisationTerms InUse => Current.Value ?? OrganisationTerms.None;

    public static Wording Wording(Language language) => Terms.Wording.For(InUse, language);

    /// <summary>
    /// <paramref name="texts"/> (a <c>*Texts</c> record) in the organisation's words: every string member rewritten,
    /// every sentence-making function rewritten around the values it is given, every table's values rewritten.
    /// Made once per table and set of terms.
    /// </summary>
    public static T In<T>(T texts, Language language)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(texts);
        var wording = Wording(language);
        if (wording.IsDefault)
        {
            return texts;
        }

        var byWording = Rewritten.GetOrCreateValue(texts);
        if (byWording.Count > 64)
        {
            byWording.Clear();
        }

        return (T)byWording.GetOrAdd(wording, static (w, t) => Rewrite(t, w), texts);
    }

    private static object Rewrite(object texts, Wording wording)
    {
        var copy = CloneMethod.Invoke(texts, null)!;
        foreach (var property in texts.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!property.CanWrite || property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var value = property.GetValue(texts);
            var rewritten = value switch
            {
                string text => wording.Apply(text),
                Delegate sentence when sentence.Method.ReturnType == typeof(string) => Sentence(sentence, property.PropertyType, wording),
                _ when property.PropertyType.IsGenericType && property.PropertyType.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>)
                    && property.PropertyType.GetGenericArguments()[1] == typeof(string) =>
                    typeof(OwnTerms).GetMethod(nameof(Table), BindingFlags.Static | BindingFlags.NonPublic)!
                        .MakeGenericMethod(property.PropertyType.GetGenericArguments()[0]).Invoke(null, [value, wording]),
                _ => value,
            };
            if (!ReferenceEquals(rewritten, value))
            {
                property.SetValue(copy, rewritten);
            }
        }

        return copy;
    }

    private static Dictionary<TKey, string> Table<TKey>(IReadOnlyDictionary<TKey, string> table, Wording wording)
        where TKey : notnull =>
        table.ToDictionary(e => e.Key, e => wording.Apply(e.Value));

    /// <summary>A function of the same type whose sentence is rewritten, leaving the values it is given as they are.</summary>
    private static Delegate Sentence(Delegate sentence, Type type, Wording wording)
    {
        var arguments = type.GetGenericArguments()[..^1];
        var wrap = typeof(OwnTerms).GetMethods(BindingFlags.Static | BindingFlags.NonPublic)
            .Single(m => m.Name == nameof(Wrap) && m.GetGenericArguments().Length == arguments.Length);
        return (Delegate)wrap.MakeGenericMethod(arguments).Invoke(null, [sentence, wording])!;
    }

    private static Func<T1, string> Wrap<T1>(Func<T1, string> f, Wording w) =>
        a => w.Apply(f(a), Values(a));

    private static Func<T1, T2, string> Wrap<T1, T2>(Func<T1, T2, string> f, Wording w) =>
        (a, b) => w.Apply(f(a, b), Values(a, b));

    private static Func<T1, T2, T3, string> Wrap<T1, T2, T3>(Func<T1, T2, T3, string> f, Wording w) =>
        (a, b, c) => w.Apply(f(a, b, c), Values(a, b, c));

    private static Func<T1, T2, T3, T4, string> Wrap<T1, T2, T3, T4>(Func<T1, T2, T3, T4, string> f, Wording w) =>
        (a, b, c, d) => w.Apply(f(a, b, c, d), Values(a, b, c, d));

    private static Func<T1, T2, T3, T4, T5, string> Wrap<T1, T2, T3, T4, T5>(Func<T1, T2, T3, T4, T5, string> f, Wording w) =>
        (a, b, c, d, e) => w.Apply(f(a, b, c, d, e), Values(a, b, c, d, e));

    private static Func<T1, T2, T3, T4, T5, T6, string> Wrap<T1, T2, T3, T4, T5, T6>(Func<T1, T2, T3, T4, T5, T6, string> f, Wording w) =>
        (a, b, c, d, e, g) => w.Apply(f(a, b, c, d, e, g), Values(a, b, c, d, e, g));

    /// <summary>The text a sentence is given (names, titles, lists of names): what must come out exactly as it went in.</summary>
    private static List<string> Values(params object?[] arguments)
    {
        var values = new List<string>();
        foreach (var argument in arguments)
        {
            if (argument is string text)
            {
                values.Add(text);
            }
            else if (argument is IEnumerable many)
            {
                values.AddRange(many.OfType<string>());
            }
        }

        return values;
    }
}
