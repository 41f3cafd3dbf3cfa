// Command v2-twenty calls twenty operations of aws-sdk-go-v2's service/cleanrooms,
// ListMemberships through its paginator.
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/cleanrooms"
)

func main() {
	ctx := context.Background()
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		fail(err)
	}
	c := cleanrooms.NewFromConfig(cfg)
	p := cleanrooms.NewListMembershipsPaginator(c, &cleanrooms.ListMembershipsInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			fail(err)
		}
		for _, m := range page.MembershipSummaries {
			fmt.Println(*m.Id)
		}
	}
	if len(os.Args) < 2 {
		return
	}
	calls := []func() (any, error){
		func() (any, error) { return c.GetCollaboration(ctx, &cleanrooms.GetCollaborationInput{}) },
		func() (any, error) { return c.GetMembership(ctx, &cleanrooms.GetMembershipInput{}) },
		func() (any, error) { return c.GetSchema(ctx, &cleanrooms.GetSchemaInput{}) },
		func() (any, error) { return c.GetConfiguredTable(ctx, &cleanrooms.GetConfiguredTableInput{}) },
		func() (any, error) { return c.GetAnalysisTemplate(ctx, &cleanrooms.GetAnalysisTemplateInput{}) },
		func() (any, error) { return c.GetProtectedQuery(ctx, &cleanrooms.GetProtectedQueryInput{}) },
		func() (any, error) { return c.ListCollaborations(ctx, &cleanrooms.ListCollaborationsInput{}) },
		func() (any, error) { return c.ListMembers(ctx, &cleanrooms.ListMembersInput{}) },
		func() (any, error) { return c.ListSchemas(ctx, &cleanrooms.ListSchemasInput{}) },
		func() (any, error) { return c.ListConfiguredTables(ctx, &cleanrooms.ListConfiguredTablesInput{}) },
		func() (any, error) { return c.ListAnalysisTemplates(ctx, &cleanrooms.ListAnalysisTemplatesInput{}) },
		func() (any, error) { return c.ListProtectedQueries(ctx, &cleanrooms.ListProtectedQueriesInput{}) },
		func() (any, error) { return c.CreateCollaboration(ctx, &cleanrooms.CreateCollaborationInput{}) },
		func() (any, error) { return c.CreateMembership(ctx, &cleanrooms.CreateMembershipInput{}) },
		func() (any, error) { return c.CreateConfiguredTable(ctx, &cleanrooms.CreateConfiguredTableInput{}) },
		func() (any, error) { return c.StartProtectedQuery(ctx, &cleanrooms.StartProtectedQueryInput{}) },
		func() (any, error) { return c.UpdateMembership(ctx, &cleanrooms.UpdateMembershipInput{}) },
		func() (any, error) { return c.DeleteMembership(ctx, &cleanrooms.DeleteMembershipInput{}) },
		func() (any, error) { return c.TagResource(ctx, &cleanrooms.TagResourceInput{}) },
	}
	for _, call := range calls {
		out, err := call()
		fmt.Println(out, err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}
