module github.com/nervure-io/nervure/tests/bench/actors/go

go 1.26.0

require github.com/nervure-io/nervure/go v0.0.0

replace github.com/nervure-io/nervure/go => ../../../../go
