$version: "1.0"
namespace ex

structure Counter {
    @default(1)
    count: Integer
}
