// Command v2-connect lists Amazon Connect instances through the paginator: one
// operation of aws-sdk-go-v2's service/connect.
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/connect"
)

func main() {
	ctx := context.Background()
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	p := connect.NewListInstancesPaginator(connect.NewFromConfig(cfg), &connect.ListInstancesInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		for _, m := range page.InstanceSummaryList {
			fmt.Println(*m.Id)
		}
	}
}
