using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Training.Courses.Audit;
using Training.Web.Features.Audit;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Features.Audit;

public sealed class AuditActionNamesTests
{
    [Fact]
    public void Every_audited_action_has_a_name_in_the_admins_filter()
    {
        using var app = new TrainingAppFactory();
        var names = AuditActionNames.In(app.Services.GetRequiredService<IStringLocalizer<SharedResource>>());

        Assert.All(AuditActions.All, action => Assert.True(names.ContainsKey(action), $"{action} has no name on the audit page."));
    }
}
