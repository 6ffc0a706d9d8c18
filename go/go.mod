module github.com/nervure-io/nervure/go

go 1.22
