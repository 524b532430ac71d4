using System.Globalization;
using System.Text.Json.Nodes;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Features.Planning;
using LeanTeamsApp.Infrastructure.Cards;
using LeanTeamsApp.Infrastructure.Privacy;

namespace LeanTeamsApp.Features.Reviews;

/// <summary>
/// The card that records what a held appointment found, and the read-only summary shown once it is saved. A review
/// or Gemba walk records observations, agreed actions and up to five follow-up areas; a fishbone analysis records
/// causes by category, up to five measures and the decision on the development unit. The card checks what Adaptive
/// Cards can (required fields, earliest date); the server checks everything again and shows its errors under the
/// fields with the answers kept. It can be saved once the appointment has started, or earlier with the day it was
/// actually held ("held on"), which may not be in the future.
/// </summary>
public static class AppointmentRecordCard
{
    public const string RecordVerb = "review.record";

    /// <summary>Rows of follow-up areas or measures. A walk finds a handful; more belong in an action plan.</summary>
    public const int MaxRows = 5;

    internal const int MaxText = 4000;
    internal const int MaxLine = 200;
    internal const int MaxCauses = 10;

    internal const string HeldOnInput = "heldOn";
    internal const string ObservationsInput = "observations";
    internal const string AgreedActionsInput = "agreedActions";
    internal const string DecisionInput = "decision";
    internal const string CausesError = "causes";
    internal const string FollowUpRow = "followUp";
    internal const string MeasureRow = "measure";

    /// <summary>
    /// The form for <paramref name="appointment"/>: the fishbone form for a fishbone analysis, otherwise observations
    /// and follow-up areas. The reminder sent after an appointment ends calls this too.
    /// </summary>
    /// <param name="people">The organisation's people, for the owners' names (owners are the unit's leader and Lean
    /// coordinators and the appointment's owner, the service-area leader; anyone not in the list shows by e-mail).</param>
    /// <param name="answers">What was submitted, to show again; null for an empty form.</param>
    /// <param name="errors">Error texts by input id, shown under each input.</param>
    /// <param name="today">The unit's today, the latest "held on" date the card offers; null where it is not known.</param>
    public static AdaptiveCard Form(Language language, Unit unit, Appointment appointment, IReadOnlyList<Person> people,
        JsonObject? answers = null, IReadOnlyDictionary<string, string>? errors = null, DateOnly? today = null)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(appointment);
        ArgumentNullException.ThrowIfNull(people);
        var t = ReviewTexts.For(language);
        errors ??= new Dictionary<string, string>();
        string? Value(string id) => answers?[id] is JsonValue v ? v.ToString() : null;
        var fishbone = appointment.Plan.Kind == AppointmentKind.FishboneAnalysis;
        var body = new List<CardElement>
        {
            TextBlock.Heading(Title(language, unit, appointment)),
            new TextBlock(fishbone ? t.FishboneQuestion : t.FormIntro) { IsSubtle = !fishbone, Weight = fishbone ? TextWeight.Bolder : null, Spacing = Spacing.None },
        };
        if (errors.Count > 0)
        {
            body.Add(new Container([new TextBlock(t.FixBelow) { Color = TextColor.Attention, Weight = TextWeight.Bolder }]) { Style = ContainerStyle.Attention });
        }

        void ErrorOf(List<CardElement> items, string id)
        {
            if (errors.TryGetValue(id, out var error))
            {
                items.Add(new TextBlock(error) { Color = TextColor.Attention, Spacing = Spacing.None, Size = TextSize.Small });
            }
        }

        void Add(List<CardElement> items, InputElement input)
        {
            items.Add(input);
            ErrorOf(items, input.Id!);
        }

        var planned = ReviewRules.LocalDate(appointment).ToString("d", language.Culture());
        body.Add(new TextBlock(t.HeldOnHint(planned)) { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.Medium });
        Add(body, new DateInput
        {
            Id = HeldOnInput, Label = t.HeldOn, Value = Value(HeldOnInput),
            Max = today?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ErrorMessage = today is { } max ? t.HeldInFuture(max.ToString("d", language.Culture())) : null,
        });

        void Rows(string prefix, string heading, string hint, Func<int, string> label, string placeholder)
        {
            var owners = Owners(unit, appointment, people).Select(o => new Choice(o.Name, o.Id)).ToList();
            var appointmentDate = ReviewRules.LocalDate(appointment);
            var earliest = appointmentDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            body.Add(new TextBlock(heading) { Weight = TextWeight.Bolder, Separator = true, Spacing = Spacing.Medium });
            body.Add(new TextBlock(hint) { IsSubtle = true, Spacing = Spacing.None, Size = TextSize.Small });
            for (var i = 0; i < MaxRows; i++)
            {
                var items = new List<CardElement>();
                Add(items, new TextInput { Id = RowText(prefix, i), Label = label(i + 1), Placeholder = placeholder, MaxLength = MaxLine, Value = Value(RowText(prefix, i)) });
                var owner = new List<CardElement>();
                Add(owner, new ChoiceSetInput(owners)
                {
                    Id = RowOwner(prefix, i), Label = t.Owner, Style = "filtered", Placeholder = t.ChooseOwner, Value = Value(RowOwner(prefix, i)),
                });
                var deadline = new List<CardElement>();
                // The earliest date the card can know without a clock: the appointment's own. The server refuses past ones.
                Add(deadline, new DateInput { Id = RowDeadline(prefix, i), Label = t.Deadline, Min = earliest, Value = Value(RowDeadline(prefix, i)), ErrorMessage = t.DeadlinePast(appointmentDate.ToString("d", language.Culture())) });
                items.Add(new ColumnSet([new Column(owner) { Width = "stretch" }, new Column(deadline) { Width = "stretch" }]) { Spacing = Spacing.Small });
                body.Add(new Container(items) { Spacing = Spacing.Medium });
            }
        }

        if (fishbone)
        {
            body.Add(new TextBlock(t.Causes) { Weight = TextWeight.Bolder, Separator = true, Spacing = Spacing.Medium });
            ErrorOf(body, CausesError);
            foreach (var category in Enum.GetValues<FishboneCategory>())
            {
                Add(body, new TextInput
                {
                    Id = CauseInput(category), Label = t.Categories[category], IsMultiline = true, MaxLength = MaxCauses * (MaxLine + 1), Value = Value(CauseInput(category)),
                });
            }

            Rows(MeasureRow, t.Measures, t.MeasuresHint, t.MeasureLabel, t.MeasureHint);
            body.Add(new TextBlock(t.Decision) { Weight = TextWeight.Bolder, Separator = true, Spacing = Spacing.Medium });
            Add(body, new ChoiceSetInput([.. Enum.GetValues<DevelopmentUnitDecision>().Select(d => new Choice(t.Decisions[d], d.ToString()))])
            {
                Id = DecisionInput, Label = t.Decision, Style = "expanded", IsRequired = true, ErrorMessage = t.Required, Value = Value(DecisionInput),
            });
        }
        else
        {
            Add(body, new TextInput
            {
                Id = ObservationsInput, Label = t.Observations, Placeholder = t.ObservationsHint, IsMultiline = true, IsRequired = true,
                ErrorMessage = t.Required, MaxLength = MaxText, Value = Value(ObservationsInput),
            });
            Add(body, new TextInput
            {
                Id = AgreedActionsInput, Label = t.AgreedActions, Placeholder = t.AgreedActionsHint, IsMultiline = true, MaxLength = MaxText, Value = Value(AgreedActionsInput),
            });
            Rows(FollowUpRow, t.FollowUps, t.FollowUpsHint, t.FollowUpLabel, t.FollowUpHint);
        }

        var data = new JsonObject
        {
            ["unitId"] = unit.Id,
            ["appointmentId"] = appointment.Id,
            ["year"] = appointment.Year,
        };
        return new AdaptiveCard { Body = body, Actions = [ExecuteAction.WithFallback(t.Save, RecordVerb, data, "auto")] };
    }

    /// <summary>Who can own a follow-up area: the unit's leader, its Lean coordinators and the service-area leader who owns the appointment.</summary>
    public static IReadOnlyList<(string Id, string Name)> Owners(Unit unit, Appointment appointment, IReadOnlyList<Person> people)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(appointment);
        ArgumentNullException.ThrowIfNull(people);
        return [.. unit.CoordinatorIds.Prepend(unit.LeaderId).Append(appointment.Plan.OwnerId)
            .Select(Person.NormaliseId)
            .Distinct(StringComparer.Ordinal)
            .Select(id => (id, NameOf(people, id)))];
    }

    /// <summary>
    /// Validates the submitted answers on the server. Returns the record and its follow-up areas, or every problem by
    /// input id. <paramref name="today"/> is the date in the unit's time zone: no deadline may be before it.
    /// </summary>
    public static (ReviewRecord? Record, IReadOnlyList<FollowUpArea> FollowUps, IReadOnlyDictionary<string, string> Errors) Read(
        Language language, Unit unit, Appointment appointment, IReadOnlyList<Person> people, JsonObject answers,
        DateOnly today, string recordedBy, string? recordedById, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(appointment);
        ArgumentNullException.ThrowIfNull(answers);
        var t = ReviewTexts.For(language);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var owners = Owners(unit, appointment, people).Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        string? Text(string id) => answers[id] is JsonValue v && v.ToString() is { } s && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null;

        // Recorded when it has happened: from its planned start on, or earlier with the day it was held, never a future day.
        var plannedDate = ReviewRules.LocalDate(appointment);
        DateOnly? heldOn = now >= appointment.Plan.Start ? plannedDate : null;
        if (Text(HeldOnInput) is { } heldText)
        {
            if (!DateOnly.TryParseExact(heldText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var held) || held > today)
            {
                errors[HeldOnInput] = t.HeldInFuture(today.ToString("d", language.Culture()));
            }
            else
            {
                heldOn = held;
            }
        }
        else if (heldOn is null)
        {
            errors[HeldOnInput] = t.NotYetHeld(plannedDate.ToString("d", language.Culture()));
        }

        // A walk through a care unit sees patients: what it records is shared in Teams, so no identity number goes in.
        var texts = new[] { ObservationsInput, AgreedActionsInput }
            .Concat(Enumerable.Range(0, MaxRows).SelectMany(i => new[] { RowText(FollowUpRow, i), RowText(MeasureRow, i) }))
            .Concat(Enum.GetValues<FishboneCategory>().Select(CauseInput));
        foreach (var id in texts)
        {
            if (FreeTextScreen.Refusal(language, Text(id)) is { } refused)
            {
                errors[id] = refused;
            }
        }

        List<(int Index, string Text, string OwnerId, DateOnly Deadline)> ReadRows(string prefix)
        {
            var rows = new List<(int, string, string, DateOnly)>();
            for (var i = 0; i < MaxRows; i++)
            {
                var text = Text(RowText(prefix, i));
                var owner = Text(RowOwner(prefix, i));
                var deadlineText = Text(RowDeadline(prefix, i));
                if (text is null && owner is null && deadlineText is null)
                {
                    continue;
                }

                var ok = true;
                if (text is null)
                {
                    errors[RowText(prefix, i)] = t.TextMissing;
                    ok = false;
                }
                else if (text.Length > MaxLine)
                {
                    errors[RowText(prefix, i)] = t.TooLong(MaxLine);
                    ok = false;
                }

                var ownerId = owner is null ? null : Person.NormaliseId(owner);
                if (ownerId is null)
                {
                    errors[RowOwner(prefix, i)] = t.OwnerRequired;
                    ok = false;
                }
                else if (!owners.Contains(ownerId))
                {
                    errors[RowOwner(prefix, i)] = t.UnknownOwner;
                    ok = false;
                }

                if (deadlineText is null)
                {
                    errors[RowDeadline(prefix, i)] = t.DeadlineRequired;
                    ok = false;
                }
                else if (!DateOnly.TryParseExact(deadlineText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var deadline) || deadline < today)
                {
                    errors[RowDeadline(prefix, i)] = t.DeadlinePast(today.ToString("d", language.Culture()));
                    ok = false;
                }
                else if (ok)
                {
                    rows.Add((i, text!, ownerId!, deadline));
                }
            }

            return rows;
        }

        FollowUpArea Area((int Index, string Text, string OwnerId, DateOnly Deadline) row) =>
            new(ReviewIds.FollowUp(appointment.Year, appointment.Id, row.Index), unit.Id, row.Text, row.OwnerId, row.Deadline, FollowUpStatus.Open, appointment.Id, now)
            {
                SourceKind = appointment.Plan.Kind,
            };

        if (appointment.Plan.Kind == AppointmentKind.FishboneAnalysis)
        {
            var causes = new Dictionary<FishboneCategory, IReadOnlyList<string>>();
            foreach (var category in Enum.GetValues<FishboneCategory>())
            {
                var lines = (Text(CauseInput(category)) ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (lines.Length > MaxCauses || lines.Any(l => l.Length > MaxLine))
                {
                    errors[CauseInput(category)] = t.TooManyLines(MaxCauses, MaxLine);
                }
                else if (lines.Length > 0)
                {
                    causes[category] = lines;
                }
            }

            if (causes.Count == 0 && !errors.Keys.Any(k => k.StartsWith("cause", StringComparison.Ordinal)))
            {
                errors[CausesError] = t.CauseRequired;
            }

            var measures = ReadRows(MeasureRow);
            DevelopmentUnitDecision? decision = Enum.TryParse<DevelopmentUnitDecision>(Text(DecisionInput), out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
            if (decision is null)
            {
                errors[DecisionInput] = t.Required;
            }

            if (errors.Count > 0)
            {
                return (null, [], errors);
            }

            var areas = measures.Select(Area).ToList();
            var record = new FishboneRecord(appointment.Id, appointment.Year, unit.Id, causes,
                [.. measures.Select(m => new FishboneMeasure(m.Text, m.OwnerId, m.Deadline))], decision!.Value, recordedBy, now, [.. areas.Select(a => a.Id)])
            {
                RecordedById = recordedById,
                HeldOn = heldOn,
            };
            return (record, areas, errors);
        }

        var observations = Text(ObservationsInput);
        if (observations is null)
        {
            errors[ObservationsInput] = t.Required;
        }
        else if (observations.Length > MaxText)
        {
            errors[ObservationsInput] = t.TooLong(MaxText);
        }

        var agreed = Text(AgreedActionsInput);
        if (agreed?.Length > MaxText)
        {
            errors[AgreedActionsInput] = t.TooLong(MaxText);
        }

        var followUps = ReadRows(FollowUpRow);
        if (errors.Count > 0)
        {
            return (null, [], errors);
        }

        var created = followUps.Select(Area).ToList();
        return (new AppointmentRecord(appointment.Id, appointment.Year, unit.Id, observations!, agreed, recordedBy, now, [.. created.Select(a => a.Id)])
        {
            RecordedById = recordedById,
            HeldOn = heldOn,
        }, created, errors);
    }

    /// <summary>What was recorded, read-only: who and when, what was found, and who follows up what by when.</summary>
    public static AdaptiveCard Summary(Language language, Unit unit, Appointment appointment, ReviewRecord record,
        IReadOnlyList<FollowUpArea> followUps, IReadOnlyList<Person> people, string? notice = null)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(followUps);
        var t = ReviewTexts.For(language);
        var culture = language.Culture();
        var when = TimeZoneInfo.ConvertTime(record.RecordedAt, TimeZoneInfo.FindSystemTimeZoneById(unit.TimeZone)).ToString("g", culture);
        var body = new List<CardElement>
        {
            TextBlock.Heading(Title(language, unit, appointment)),
            new TextBlock(t.RecordedBy(record.RecordedBy, when)) { IsSubtle = true, Spacing = Spacing.None },
        };
        if (record.HeldOn is { } heldOn && heldOn != ReviewRules.LocalDate(appointment))
        {
            body.Add(new TextBlock(t.HeldOnSummary(heldOn.ToString("d", culture))) { IsSubtle = true, Spacing = Spacing.None });
        }

        if (notice is not null)
        {
            body.Add(new Container([new TextBlock(notice)]) { Style = ContainerStyle.Emphasis });
        }

        void Section(string title) => body.Add(new TextBlock(title) { Weight = TextWeight.Bolder, Separator = true, Spacing = Spacing.Medium });
        void Item(string text, string ownerId, DateOnly deadline) => body.Add(new Container(
        [
            new TextBlock(text),
            new TextBlock(t.OwnerAndDeadline(NameOf(people, ownerId), deadline.ToString("d", culture))) { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None },
        ]) { Spacing = Spacing.Small });

        switch (record)
        {
            case AppointmentRecord r:
                Section(t.Observations);
                body.Add(new TextBlock(r.Observations) { Spacing = Spacing.Small });
                if (r.AgreedActions is { } agreed)
                {
                    Section(t.AgreedActions);
                    body.Add(new TextBlock(agreed) { Spacing = Spacing.Small });
                }

                Section(t.FollowUps);
                var areas = r.FollowUpAreaIds.Select(id => followUps.FirstOrDefault(f => f.Id == id)).OfType<FollowUpArea>().ToList();
                if (areas.Count == 0)
                {
                    body.Add(new TextBlock(t.NoFollowUps) { IsSubtle = true, Spacing = Spacing.Small });
                }

                foreach (var area in areas)
                {
                    Item(area.Text, area.OwnerId, area.Deadline);
                }

                break;
            case FishboneRecord f:
                body.Add(new TextBlock(t.FishboneQuestion) { IsSubtle = true });
                Section(t.CausesTitle);
                body.Add(new FactSet([.. Enum.GetValues<FishboneCategory>()
                    .Where(c => f.Causes.TryGetValue(c, out var causes) && causes.Count > 0)
                    .Select(c => new Fact(t.Categories[c], string.Join("; ", f.Causes[c])))]));
                Section(t.Measures);
                if (f.Measures.Count == 0)
                {
                    body.Add(new TextBlock(t.NoFollowUps) { IsSubtle = true, Spacing = Spacing.Small });
                }

                foreach (var measure in f.Measures)
                {
                    Item(measure.Text, measure.OwnerId, measure.Deadline);
                }

                Section(t.Decision);
                body.Add(new TextBlock(t.Decisions[f.Decision]) { Spacing = Spacing.Small });
                break;
        }

        return new AdaptiveCard { Body = body };
    }

    public static string Title(Language language, Unit unit, Appointment appointment)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(appointment);
        var t = ReviewTexts.For(language);
        return t.Title(t.Kinds[appointment.Plan.Kind], unit.Name, ReviewRules.LocalDate(appointment).ToString("d", language.Culture()));
    }

    internal static string NameOf(IReadOnlyList<Person> people, string id) =>
        people.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase))?.Name ?? id;

    // Every row's inputs live in one card, so their ids carry the row.
    internal static string RowText(string prefix, int index) => string.Create(CultureInfo.InvariantCulture, $"{prefix}{index}Text");

    internal static string RowOwner(string prefix, int index) => string.Create(CultureInfo.InvariantCulture, $"{prefix}{index}Owner");

    internal static string RowDeadline(string prefix, int index) => string.Create(CultureInfo.InvariantCulture, $"{prefix}{index}Deadline");

    internal static string CauseInput(FishboneCategory category) => $"cause{category}";
}
