$version: "2"
namespace ex

@mixin
operation OpMixin {
    input := {}
}

@mixin
resource ResMixin {
    properties: {name: String}
}

@mixin
string StringMixin

integer Count with [StringMixin]

@mixin
structure A1 {
    a: String
}

@mixin
structure A2 {
    a: Integer
}

structure Both with [A1, A2] {}

operation UsesMixin {
    input: A1
}

structure Holder {
    inner: A1
}
