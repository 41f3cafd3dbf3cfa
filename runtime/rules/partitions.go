package rules

import (
	_ "embed"
	"fmt"
	"regexp"
	"sync"

	"github.com/go-faster/jx"
)

// defaultPartitionsJSON is aws-sdk-go-v2's partition table (see PARTITIONS.md).
//
//go:embed partitions.json
var defaultPartitionsJSON []byte

// PartitionConfig is what aws.partition returns for a region.
type PartitionConfig struct {
	Name                 string
	DNSSuffix            string
	DualStackDNSSuffix   string
	SupportsFIPS         bool
	SupportsDualStack    bool
	ImplicitGlobalRegion string
}

// Partitions is a partition table: which partition a region belongs to.
type Partitions struct {
	list     []partition
	regions  map[string]*PartitionConfig // listed regions, with their overrides
	fallback *PartitionConfig            // the "aws" partition, for unmatched regions
}

type partition struct {
	id  string
	re  *regexp.Regexp
	cfg *PartitionConfig
}

var defaultPartitions = sync.OnceValues(func() (*Partitions, error) { return ParsePartitions(defaultPartitionsJSON) })

// DefaultPartitions returns the embedded partition table.
func DefaultPartitions() (*Partitions, error) { return defaultPartitions() }

// Lookup returns the partition of region: the partition listing it, else the
// first whose region pattern matches, else the "aws" partition (nil when
// the table has none).
func (p *Partitions) Lookup(region string) *PartitionConfig {
	if c := p.regions[region]; c != nil {
		return c
	}
	for i := range p.list {
		if p.list[i].re.MatchString(region) {
			return p.list[i].cfg
		}
	}
	return p.fallback
}

// ParsePartitions reads a partitions.json document (the format of
// aws-sdk-go-v2's internal/endpoints/awsrulesfn/partitions.json).
func ParsePartitions(data []byte) (*Partitions, error) {
	p := &Partitions{regions: map[string]*PartitionConfig{}}
	d := jx.DecodeBytes(data)
	err := d.Obj(func(d *jx.Decoder, key string) error {
		if key != "partitions" {
			return d.Skip()
		}
		return d.Arr(func(d *jx.Decoder) error { return p.readPartition(d) })
	})
	if err != nil {
		return nil, fmt.Errorf("partitions: %w", err)
	}
	if len(p.list) == 0 {
		return nil, fmt.Errorf("partitions: no partitions")
	}
	return p, nil
}

func (p *Partitions) readPartition(d *jx.Decoder) error {
	var part partition
	var regions map[string]overrides
	err := d.Obj(func(d *jx.Decoder, key string) (err error) {
		switch key {
		case "id":
			part.id, err = d.Str()
		case "regionRegex":
			var s string
			if s, err = d.Str(); err == nil {
				if part.re, err = regexp.Compile(s); err != nil {
					err = fmt.Errorf("regionRegex: %w", err)
				}
			}
		case "outputs":
			var o overrides
			if err = o.read(d); err == nil {
				c := o.apply(PartitionConfig{})
				part.cfg = &c
			}
		case "regions":
			regions = map[string]overrides{}
			err = d.Obj(func(d *jx.Decoder, region string) error {
				var o overrides
				if err := o.read(d); err != nil {
					return fmt.Errorf("region %s: %w", region, err)
				}
				regions[region] = o
				return nil
			})
		default:
			err = d.Skip()
		}
		return err
	})
	if err != nil {
		return err
	}
	if part.id == "" || part.re == nil || part.cfg == nil {
		return fmt.Errorf("a partition needs an id, a regionRegex and outputs")
	}
	p.list = append(p.list, part)
	for region, o := range regions {
		if _, dup := p.regions[region]; !dup {
			c := o.apply(*part.cfg)
			p.regions[region] = &c
		}
	}
	if part.id == "aws" {
		p.fallback = part.cfg
	}
	return nil
}

// overrides are the outputs a partition or region sets.
type overrides struct {
	name, dnsSuffix, dualStackDNSSuffix, implicitGlobalRegion *string
	supportsFIPS, supportsDualStack                           *bool
}

func (o *overrides) read(d *jx.Decoder) error {
	return d.Obj(func(d *jx.Decoder, key string) error {
		var s **string
		var b **bool
		switch key {
		case "name":
			s = &o.name
		case "dnsSuffix":
			s = &o.dnsSuffix
		case "dualStackDnsSuffix":
			s = &o.dualStackDNSSuffix
		case "implicitGlobalRegion":
			s = &o.implicitGlobalRegion
		case "supportsFIPS":
			b = &o.supportsFIPS
		case "supportsDualStack":
			b = &o.supportsDualStack
		default:
			return d.Skip()
		}
		if s != nil {
			v, err := d.Str()
			*s = &v
			return err
		}
		v, err := d.Bool()
		*b = &v
		return err
	})
}

func (o *overrides) apply(c PartitionConfig) PartitionConfig {
	set := func(dst *string, v *string) {
		if v != nil {
			*dst = *v
		}
	}
	set(&c.Name, o.name)
	set(&c.DNSSuffix, o.dnsSuffix)
	set(&c.DualStackDNSSuffix, o.dualStackDNSSuffix)
	set(&c.ImplicitGlobalRegion, o.implicitGlobalRegion)
	if o.supportsFIPS != nil {
		c.SupportsFIPS = *o.supportsFIPS
	}
	if o.supportsDualStack != nil {
		c.SupportsDualStack = *o.supportsDualStack
	}
	return c
}
