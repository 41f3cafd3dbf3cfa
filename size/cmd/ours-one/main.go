// Command ours-one lists Clean Rooms memberships through the paginator: one
// operation of the client generated from the shared cleanrooms model.
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/aws/aws-sdk-go-v2/config"

	"github.com/smithygen/smithygen/size/gen/cleanrooms"
)

func main() {
	ctx := context.Background()
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	p := cleanrooms.NewListMembershipsPaginator(cleanrooms.NewFromConfig(cfg), &cleanrooms.ListMembershipsInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		for _, m := range page.MembershipSummaries {
			fmt.Println(*m.Id)
		}
	}
}
