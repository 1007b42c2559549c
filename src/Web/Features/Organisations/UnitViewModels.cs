using Training.Courses.Organisations;

namespace Training.Web.Features.Organisations;

public sealed record UnitListViewModel(IReadOnlyList<UnitRow> Units, bool ShowArchived, string? Error, string? NewName);

/// <summary>What the forms on a unit's page had typed in when a change was refused.</summary>
public sealed record UnitForms(string? Name = null, string? NewUnitName = null, string? CoordinatorEmail = null);

public sealed record UnitEditViewModel(UnitDetail Detail, string? Error, UnitForms Forms);
