using Training.Web.EndToEnd.Support;
using Training.Web.Tests.Features.Quizzes;
using Training.Web.Tests.Support;

namespace Training.Web.EndToEnd.Quizzes;

/// <summary>The site over a small course whose module quiz has one question of every type.</summary>
public sealed class QuizSiteUnderTest : SiteUnderTest, IDisposable
{
    private readonly QuizContent content = new("passMark: 80\nattemptLimit: 3\nshuffle: false");

    protected override void Configure(TrainingAppFactory app) => app.WithSetting("Content:Folder", content.Folder);

    public void Dispose() => content.Dispose();
}
