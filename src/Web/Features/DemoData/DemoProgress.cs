using System.Text.Json;
using Training.Assessment.Attempts;
using Training.Courses.Assignments;
using Training.Courses.Enrolment;
using Training.Courses.Progress;

namespace Training.Web.Features.DemoData;

internal sealed record DemoCompletion(string UserId, string FullName, DemoCourse Course, DateTime CompletedAt, DateTime? ExpiresAt);

/// <summary>
/// One person's assigned courses, enrolments, module completions, final-assessment attempts and course
/// completions, written as they are made. Assigned courses come first in a learner's work, so assignments
/// are mostly done; the last course a learner touches is often half done.
/// </summary>
internal sealed class DemoProgress(
    DemoRowWriter writer, List<DemoCourse> courses, List<DemoAssignment> assignments, Dictionary<int, string> lineages,
    Random random, DateTime now, int renewalWindowDays)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Dictionary<int, string[]> layouts = courses.Where(c => c.Quiz is not null).ToDictionary(c => c.Id,
        c => Enumerable.Range(0, 8).Select(_ => JsonSerializer.Serialize(AttemptDraw.Lay(c.Quiz!, random), Json)).ToArray());

    public List<DemoCompletion> Completions { get; } = [];

    public int Exempt { get; private set; }

    public int Extended { get; private set; }

    public static void Declare(DemoRowWriter writer)
    {
        writer.Declare<AssignedCourse>(nameof(AssignedCourse.AssignmentId), nameof(AssignedCourse.UserId), nameof(AssignedCourse.CourseId),
            nameof(AssignedCourse.AssignedAt), nameof(AssignedCourse.DueOn), nameof(AssignedCourse.ExtendedTo), nameof(AssignedCourse.ExtensionReason),
            nameof(AssignedCourse.ExemptAt), nameof(AssignedCourse.ExemptionReason));
        writer.Declare<CourseEnrolment>(nameof(CourseEnrolment.CourseId), nameof(CourseEnrolment.UserId), nameof(CourseEnrolment.EnrolledAt),
            nameof(CourseEnrolment.LastModuleId), nameof(CourseEnrolment.LastVisitedAt));
        writer.Declare<ModuleCompletion>(nameof(ModuleCompletion.UserId), nameof(ModuleCompletion.ModuleVersionId), nameof(ModuleCompletion.ModuleId),
            nameof(ModuleCompletion.CompletedAt));
        writer.Declare<CourseCompletion>(nameof(CourseCompletion.UserId), nameof(CourseCompletion.CourseId), nameof(CourseCompletion.CompletedAt),
            nameof(CourseCompletion.Round), nameof(CourseCompletion.RenewableFrom), nameof(CourseCompletion.ExpiresAt));
        writer.Declare<QuizAttempt>(nameof(QuizAttempt.QuizId), nameof(QuizAttempt.QuizVersionId), nameof(QuizAttempt.UserId), nameof(QuizAttempt.Number),
            nameof(QuizAttempt.Status), nameof(QuizAttempt.StartedAt), nameof(QuizAttempt.SubmittedAt), nameof(QuizAttempt.Score),
            nameof(QuizAttempt.Passed), nameof(QuizAttempt.Layout), nameof(QuizAttempt.QuestionScores), nameof(QuizAttempt.Language));
    }

    /// <summary>Splits the module completions over the learners: a few inactive, the rest uneven, none above capacity.</summary>
    public static int[] Quotas(int learners, int rows, int capacity, Random random)
    {
        var weights = Enumerable.Range(0, learners).Select(_ => random.Next(12) == 0 ? 0 : 0.3 + random.NextDouble()).ToArray();
        var total = weights.Sum();
        var quotas = weights.Select(w => total == 0 ? 0 : Math.Min(capacity, (int)(rows * w / total))).ToArray();
        var left = rows - quotas.Sum();
        for (var i = random.Next(learners); left > 0; i = (i + 1) % learners)
        {
            if (quotas[i] < capacity)
            {
                quotas[i]++;
                left--;
            }
        }
        return quotas;
    }

    public async Task AddAsync(DemoPerson person, int quota, CancellationToken cancellationToken)
    {
        var assignedAt = await AssignAsync(person, cancellationToken);
        var order = courses.Where(c => assignedAt.ContainsKey(c.Id)).OrderBy(_ => random.Next())
            .Concat(courses.Where(c => !assignedAt.ContainsKey(c.Id)).OrderBy(_ => random.Next())).ToList();
        var capacity = order.Sum(c => c.ModuleIds.Length);
        for (var i = 0; i < order.Count; i++)
        {
            var course = order[i];
            capacity -= course.ModuleIds.Length;
            var done = Math.Min(quota, course.ModuleIds.Length);
            // Now and then a course left half done, when the courses after it still hold the rest.
            var partial = done > 1 && random.Next(6) == 0 ? 1 + random.Next(done - 1) : done;
            if (capacity >= quota - partial)
            {
                done = partial;
            }
            quota -= done;
            var assigned = assignedAt.TryGetValue(course.Id, out var at) ? at : (DateTime?)null;
            var extra = done == 0 && assigned is null && random.Next(25) == 0;
            if (done > 0 || assigned is not null || extra)
            {
                await StudyAsync(person, course, done, assigned, cancellationToken);
            }
        }
    }

    private async Task<Dictionary<int, DateTime>> AssignAsync(DemoPerson person, CancellationToken cancellationToken)
    {
        var assignedAt = new Dictionary<int, DateTime>();
        foreach (var assignment in DemoAssignments.Reaching(assignments, person.UnitId is int unit ? lineages[unit] : null))
        {
            var at = assignment.CreatedAt > person.JoinedAt ? assignment.CreatedAt : person.JoinedAt;
            var due = AssignmentRules.DueFor(assignment, at);
            var roll = random.Next(100);
            var exempt = roll < 2;
            var extended = roll is >= 2 and < 6;
            Exempt += exempt ? 1 : 0;
            Extended += extended ? 1 : 0;
            await writer.AddAsync<AssignedCourse>(cancellationToken, assignment.Id, person.Id, assignment.CourseId, at, due,
                extended ? due.AddDays(30) : null, extended ? "Long-term sick leave (generated)" : null,
                exempt ? at.AddDays(3) : null, exempt ? "Completed equivalent training elsewhere (generated)" : null);
            assignedAt.TryAdd(assignment.CourseId, at);
        }
        return assignedAt;
    }

    private async Task StudyAsync(DemoPerson person, DemoCourse course, int done, DateTime? assignedAt, CancellationToken cancellationToken)
    {
        var from = person.CreatedAt > now.AddYears(-3) ? person.CreatedAt : now.AddYears(-3);
        var start = from.AddDays((now - from).TotalDays * 0.95 * random.NextDouble());
        var gapDays = 0.05 + (random.NextDouble() * 3);
        var at = start;
        for (var j = 0; j < done; j++)
        {
            var planned = start.AddDays(gapDays * j);
            at = planned < now.AddMinutes(j - done) ? planned : now.AddMinutes(j - done);
            await writer.AddAsync<ModuleCompletion>(cancellationToken, person.Id, course.VersionIds[j], course.ModuleIds[j], at);
        }
        var enrolled = assignedAt is { } assigned && assigned < start ? assigned : start.AddMinutes(-5);
        await writer.AddAsync<CourseEnrolment>(cancellationToken, course.Id, person.Id, enrolled,
            done > 0 ? course.ModuleIds[done - 1] : null, done > 0 ? at : null);
        if (done == course.ModuleIds.Length)
        {
            await FinishAsync(person, course, at, cancellationToken);
        }
    }

    /// <summary>Without a final assessment the last module completes the course; with one, most pass it (some at the second try).</summary>
    private async Task FinishAsync(DemoPerson person, DemoCourse course, DateTime lastModule, CancellationToken cancellationToken)
    {
        var completedAt = lastModule;
        if (course.Quiz is not null)
        {
            var roll = random.Next(100);
            bool[] attempts = roll < 80 ? [true] : roll < 92 ? [false, true] : [false];
            for (var n = 0; n < attempts.Length; n++)
            {
                var started = lastModule.AddHours(1 + (n * 24) + (random.NextDouble() * 5));
                completedAt = started < now ? started.AddMinutes(12) : now.AddMinutes(-1);
                await AttemptAsync(person, course, n + 1, started < now ? started : now.AddMinutes(-13), completedAt, attempts[n], cancellationToken);
            }
            if (!attempts[^1])
            {
                return;
            }
        }
        var expires = course.ValidityMonths > 0 ? completedAt.AddMonths(course.ValidityMonths) : (DateTime?)null;
        await writer.AddAsync<CourseCompletion>(cancellationToken, person.Id, course.Id, completedAt, 1, expires?.AddDays(-renewalWindowDays), expires);
        Completions.Add(new DemoCompletion(person.Id, person.FullName, course, completedAt, expires));
    }

    private async Task AttemptAsync(DemoPerson person, DemoCourse course, int number, DateTime started, DateTime submitted, bool passed, CancellationToken cancellationToken)
    {
        var questions = course.Quiz!.AllQuestions.Select(q => q.Id).ToList();
        var right = passed ? questions.Count - random.Next(2) : 1 + random.Next(questions.Count - 2);
        var scores = questions.OrderBy(_ => random.Next()).Select((q, i) => (q, Score: i < right ? 1m : 0m)).ToDictionary(s => s.q, s => s.Score);
        var layout = layouts[course.Id][random.Next(layouts[course.Id].Length)];
        await writer.AddAsync<QuizAttempt>(cancellationToken, course.QuizId, course.QuizVersionId, person.Id, number, AttemptStatus.Submitted,
            started, submitted, 100m * right / questions.Count, passed, layout, JsonSerializer.Serialize(scores, Json), "en");
    }
}
