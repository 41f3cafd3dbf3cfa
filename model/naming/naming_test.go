package naming

import (
	"slices"
	"testing"
)

func TestExported(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"TrainedModelStatus", "TrainedModelStatus"},
		{"analysisRule", "AnalysisRule"},
		{"error_description", "Error_description"}, // ssooidc field
		{"__string", "String"},
		{"__listOfConnector", "ListOfConnector"},
		{"_fooBar", "FooBar"},
		{"2fa", "Fa"},
		{"foo2", "Foo2"},
		{"foo-bar.baz", "FooBarBaz"},
		{"a b", "AB"},
		{"-x", "X"},
		{"ünits", "Ünits"},
		{"名前", "X名前"},
		{"_1", "X_1"},
		{"123", "X123"},
		{"--", "X"},
		{"", "X"},
	} {
		if got := Exported(tc.in); got != tc.want {
			t.Errorf("Exported(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestUnexported(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"FooBar", "fooBar"},
		{"fooBar", "fooBar"},
		{"URLPath", "urlPath"},
		{"ID", "id"},
		{"S3", "s3"},
		{"EC2Instance", "ec2Instance"},
		{"error_description", "error_description"},
		{"type", "type_"},
		{"Range", "range_"},
		{"string", "string_"},
		{"nil", "nil_"},
		{"len", "len_"},
		{"Error", "error_"},
		{"any", "any_"},
		{"__string", "string_"},
		{"2fa", "fa"},
		{"foo-bar", "fooBar"},
		{"", "x"},
	} {
		if got := Unexported(tc.in); got != tc.want {
			t.Errorf("Unexported(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestPackage(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"CleanRoomsML", "cleanroomsml"},
		{"CleanRooms", "cleanrooms"},
		{"SSO OIDC", "ssooidc"},
		{"API Gateway", "apigateway"},
		{"ECR PUBLIC", "ecrpublic"},
		{"Elastic Load Balancing v2", "elasticloadbalancingv2"},
		{"ARC Region switch", "arcregionswitch"},
		{"Cost and Usage Report Service", "costandusagereportservice"},
		{"codeartifact", "codeartifact"},
		{"m2", "m2"},
		{"Some-Service_2.0", "someservice20"},
	} {
		got, err := Package(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("Package(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
	for _, bad := range []string{"", " - ", "3D Service", "Go", "Main", "ü"} {
		if got, err := Package(bad); err == nil {
			t.Errorf("Package(%q) = %q, want an error", bad, got)
		}
	}
}

func TestEnumConst(t *testing.T) {
	for _, tc := range []struct{ typ, name, value, want string }{
		{"TrainedModelStatus", "CREATE_PENDING", "CREATE_PENDING", "TrainedModelStatusCreatePending"},
		{"AnalysisFormat", "PYSPARK_1_0", "PYSPARK_1_0", "AnalysisFormatPyspark10"},
		{"WorkerComputeType", "CR1X", "CR.1X", "WorkerComputeTypeCr1x"},
		{"SupportedS3Region", "AF_SOUTH_1", "af-south-1", "SupportedS3RegionAfSouth1"},
		{"AccessDeniedExceptionReason", "KMS_ACCESS_DENIED", "KMS_AccessDeniedException", "AccessDeniedExceptionReasonKmsAccessDenied"},
		// The member name wins over the value (apigateway).
		{"CacheClusterSize", "SIZE_0_POINT_5_GB", "0.5", "CacheClusterSizeSize0Point5Gb"},
		{"T", "fooBar", "x", "TFooBar"},
		{"T", "InProgress_NOW", "x", "TInProgressNow"},
		{"T", "a__b", "x", "TAB"},
		{"T", "_x_", "x", "TX"},
		// Without a member name the value is used.
		{"T", "", "ml.m5.xlarge", "TMlM5Xlarge"},
		{"T", "", "us-east-1", "TUsEast1"},
		{"T", "", "2XLARGE", "T2xlarge"},
		{"T", "", "application/json", "TApplicationJson"},
		{"T", "", "*", "T"},
		{"T", "", "", "T"},
	} {
		if got := EnumConst(tc.typ, tc.name, tc.value); got != tc.want {
			t.Errorf("EnumConst(%q, %q, %q) = %q, want %q", tc.typ, tc.name, tc.value, got, tc.want)
		}
	}
}

func TestEnumConsts(t *testing.T) {
	for _, tc := range []struct {
		members []EnumMember
		want    []string
	}{
		{[]EnumMember{{"A", "a"}, {"B_C", "b"}}, []string{"TA", "TBC"}},
		// A clash falls back to the raw member name, as in v2.
		{[]EnumMember{{"FOO_BAR", "1"}, {"FooBar", "2"}}, []string{"TFooBar", "FooBar"}},
		{[]EnumMember{{"A", "1"}, {"a", "2"}}, []string{"TA", "a"}},
		// Unusable raw names get "_" instead.
		{[]EnumMember{{"STRING", "1"}, {"string", "2"}}, []string{"TString", "TString_"}},
		{[]EnumMember{{"", "a.b"}, {"", "a-b"}, {"", "a/b"}}, []string{"TAB", "TAB_", "TAB__"}},
		{[]EnumMember{{"", ""}, {"", "*"}}, []string{"T_", "T__"}},
		{nil, []string{}},
	} {
		if got := EnumConsts("T", tc.members); !slices.Equal(got, tc.want) {
			t.Errorf("EnumConsts(T, %v) = %q, want %q", tc.members, got, tc.want)
		}
	}
}

func TestFields(t *testing.T) {
	for _, tc := range []struct {
		kind    Kind
		members []string
		want    []string
	}{
		{Plain, []string{"name", "String", "errorCode", "error", "getName"}, []string{"Name", "String_", "ErrorCode", "Error", "GetName"}},
		// ssooidc errors.
		{Error, []string{"error", "error_description", "message", "reason"}, []string{"Error_", "Error_description", "Message", "Reason"}},
		{Error, []string{"ErrorCode", "Unwrap", "ErrorFault", "ErrorMessage", "ErrorCodeOverride", "String"},
			[]string{"ErrorCode_", "Unwrap_", "ErrorFault_", "Message", "ErrorCodeOverride", "String_"}},
		{Error, []string{"foo", "getFoo", "HasFoo", "GetBar", "getError", "error"}, []string{"Foo", "GetFoo_", "HasFoo_", "GetBar", "GetError_", "Error_"}},
		{Error, []string{"message", "errorMessage"}, []string{"Message", "Message_"}},
		{Output, []string{"ResultMetadata", "nextToken"}, []string{"ResultMetadata_", "NextToken"}},
		{Output, []string{"ResultMetadata", "ResultMetadata_"}, []string{"ResultMetadata__", "ResultMetadata_"}},
		{Input, []string{"ResultMetadata"}, []string{"ResultMetadata"}},
		{Plain, []string{"_foo", "foo", "__foo"}, []string{"Foo", "Foo_", "Foo__"}},
		{Plain, nil, []string{}},
	} {
		if got := Fields(tc.kind, tc.members); !slices.Equal(got, tc.want) {
			t.Errorf("Fields(%d, %q) = %q, want %q", tc.kind, tc.members, got, tc.want)
		}
	}
}

func TestOperationAndUnionNames(t *testing.T) {
	for _, tc := range []struct{ got, want string }{
		{InputType("ListTrainedModels"), "ListTrainedModelsInput"},
		{OutputType("ListTrainedModels"), "ListTrainedModelsOutput"},
		{InputType("getFoo"), "GetFooInput"},
		{UnionMember("AnalysisSource", "text"), "AnalysisSourceMemberText"},
		{UnionMember("__union", "_s3"), "UnionMemberS3"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
	got := UnionMembers("U", []string{"a", "_a", "b"})
	if want := []string{"UMemberA", "UMemberA_", "UMemberB"}; !slices.Equal(got, want) {
		t.Errorf("UnionMembers = %q, want %q", got, want)
	}
}

func TestTypeNames(t *testing.T) {
	wrappers := []string{"FooMemberBar"}
	got := TypeNames([]string{"FooMemberBar", "Foo", "UnknownUnionMember", "__string", "String"}, wrappers)
	want := []string{"FooMemberBar_", "Foo", "UnknownUnionMember_", "String", "String_"}
	if !slices.Equal(got, want) {
		t.Errorf("TypeNames = %q, want %q", got, want)
	}
	if !slices.Equal(wrappers, []string{"FooMemberBar"}) {
		t.Errorf("TypeNames changed its unionMembers argument: %q", wrappers)
	}
}

func TestUnique(t *testing.T) {
	for _, tc := range []struct {
		names, reserved, want []string
	}{
		{[]string{"A", "B"}, nil, []string{"A", "B"}},
		{[]string{"A", "A", "A"}, nil, []string{"A", "A_", "A__"}},
		// A later name that is already unique keeps its spelling.
		{[]string{"A", "A", "A_"}, nil, []string{"A", "A__", "A_"}},
		{[]string{"A", "B"}, []string{"A"}, []string{"A_", "B"}},
		{[]string{"A", "A_"}, []string{"A"}, []string{"A__", "A_"}},
		{[]string{"A"}, []string{"A", "A_"}, []string{"A__"}},
		{nil, []string{"A"}, []string{}},
	} {
		if got := Unique(tc.names, tc.reserved...); !slices.Equal(got, tc.want) {
			t.Errorf("Unique(%q, %q) = %q, want %q", tc.names, tc.reserved, got, tc.want)
		}
	}
}
