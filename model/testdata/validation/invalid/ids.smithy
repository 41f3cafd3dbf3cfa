$version: "2"
namespace ex

string Name

string NAME

structure Person {
    foo: String
    Foo: String
}
