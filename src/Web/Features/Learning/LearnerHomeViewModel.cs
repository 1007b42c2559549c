using Training.Assessment.Certificates;
using Training.Courses.Progress;

namespace Training.Web.Features.Learning;

public sealed record LearnerHomeViewModel(string FullName, LearnerHome Home, IReadOnlyList<CertificateSummary> Certificates);
