using Microsoft.EntityFrameworkCore.Migrations;
using Training.Web.Infrastructure.Scheduling;

#nullable disable

namespace Training.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <summary>Quartz.NET's job store (AdoJobStore) in the site's own database.</summary>
    public partial class QuartzJobStore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in QuartzSchema.CreateStatements("quartz-4.7.3-sqlite"))
            {
                migrationBuilder.Sql(statement);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in QuartzSchema.Tables)
            {
                migrationBuilder.DropTable(QuartzSchema.TablePrefix + table);
            }
        }
    }
}
