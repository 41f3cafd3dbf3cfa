package transport

import "github.com/aws/aws-sdk-go-v2/aws"

// NewCredentialsCache wraps p in an aws.CredentialsCache unless p is nil,
// anonymous or already a cache.
func NewCredentialsCache(p aws.CredentialsProvider) aws.CredentialsProvider {
	if p == nil || IsAnonymous(p) {
		return p
	}
	if _, ok := p.(*aws.CredentialsCache); ok {
		return p
	}
	return aws.NewCredentialsCache(p)
}

// IsAnonymous reports whether p signs nothing: nil or aws.AnonymousCredentials.
func IsAnonymous(p aws.CredentialsProvider) bool {
	return p == nil || aws.IsCredentialsProvider(p, (*aws.AnonymousCredentials)(nil))
}
