namespace Training.Web.Features.DemoData;

/// <summary>The words generated names are made of.</summary>
internal static class DemoNames
{
    public const string EmailDomain = "demo.example.org";

    public static readonly string[] Organisations =
    [
        "Border Police Service", "Immigration Service", "Labour Inspectorate", "Consular Service",
        "Prosecution Service", "Coast Guard", "Police Service", "Asylum Office",
    ];

    public static readonly string[] Regions =
    [
        "North", "South", "East", "West", "Central", "Coastal", "Mountain", "Lakes", "Capital", "Valley", "Delta", "Plains",
    ];

    public static readonly string[] Posts =
    [
        "Crossing", "Airport Desk", "Harbour Office", "Station", "Field Office", "Inspection Team", "Duty Office", "Rail Crossing",
    ];

    public static readonly string[] GivenNames =
    [
        "Amina", "Jonas", "Carmen", "Thabo", "Maria", "Ahmed", "Lena", "Kofi", "Sofia", "Mateo", "Yuki", "Priya", "Omar",
        "Elena", "Tomasz", "Fatima", "Lucas", "Ingrid", "Chidi", "Ana", "Rahul", "Mei", "Pedro", "Leila", "Ivan", "Nora",
        "Samuel", "Aisha", "Marek", "Zeynep", "Diego", "Hana", "Emil", "Grace", "Tariq", "Irene", "Kwame", "Olga",
    ];

    public static readonly string[] FamilyNames =
    [
        "Haddad", "Berg", "López", "Nkosi", "Silva", "Khan", "Novak", "Mensah", "Rossi", "García", "Tanaka", "Patel",
        "Farah", "Popescu", "Kowalski", "Benali", "Müller", "Larsen", "Okafor", "Costa", "Sharma", "Chen", "Santos",
        "Nasser", "Petrov", "Dahl", "Mwangi", "Yilmaz", "Horvat", "Moreau", "Andersen", "Said", "Kim", "Osei",
    ];

    public static readonly string[] JobTitles =
    [
        "Border guard", "Police officer", "Immigration officer", "Consular officer", "Labour inspector",
        "Prosecutor", "Shift supervisor", "Interviewer", "Case worker",
    ];

    public static readonly string[] CourseTopics =
    [
        "Recognising trafficking", "Interviewing possible victims", "Rights of migrant workers", "Safe referral",
        "Women migrant workers", "Child protection at the border", "Forced labour indicators", "Working with interpreters",
        "Trauma-informed interviewing", "Smuggling and trafficking", "Labour exploitation in agriculture", "Domestic work",
        "Document fraud", "Asylum procedures", "Data protection", "Gender-based violence", "Debt bondage",
        "Identification at airports", "Cooperation with NGOs", "Returns with dignity",
    ];

    public static readonly string[] ModuleTopics =
    [
        "Why it matters", "The law", "Warning signs", "First contact", "Asking questions", "Referral",
        "Case study", "What to record", "Looking after yourself",
    ];
}
