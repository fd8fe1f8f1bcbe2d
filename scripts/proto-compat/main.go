// Command proto-compat compares two protobuf descriptor sets (as `protoc --descriptor_set_out` writes them) and
// prints every change in the newer one that breaks clients of the older one, for the packages named with
// -package (default jiefen.v1). It exits 1 when there is any, 0 when there is none, 2 on a usage error.
//
//	proto-compat -released proto/released/jiefen-v1.binpb -current /tmp/current.binpb
//
// Breaking (proto/README.md): removing or renaming a message, enum, service, method or field; renumbering a
// field; changing a field's type, its cardinality (repeated/singular), its presence (optional) or its oneof;
// removing or renumbering an enum value; changing a method's request or response type or its streaming; giving
// up a reserved number or name. Adding messages, fields, enum values, services and methods is compatible, and so
// are comments.
package main

import (
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"

	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/descriptorpb"
)

// problem is one breaking change: where it is and what changed.
type problem struct {
	file, where, what string
}

type checker struct {
	problems []problem
}

func (c *checker) report(file, where, format string, args ...interface{}) {
	c.problems = append(c.problems, problem{file, where, fmt.Sprintf(format, args...)})
}

// definitions indexes a descriptor set's messages, enums and services by full name.
type definitions struct {
	messages map[string]located[*descriptorpb.DescriptorProto]
	enums    map[string]located[*descriptorpb.EnumDescriptorProto]
	services map[string]located[*descriptorpb.ServiceDescriptorProto]
}

type located[T any] struct {
	file string
	desc T
}

func load(path string, packages map[string]bool) (definitions, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return definitions{}, err
	}
	var set descriptorpb.FileDescriptorSet
	if err := proto.Unmarshal(data, &set); err != nil {
		return definitions{}, fmt.Errorf("%s is not a descriptor set: %v", path, err)
	}
	defs := definitions{
		messages: map[string]located[*descriptorpb.DescriptorProto]{},
		enums:    map[string]located[*descriptorpb.EnumDescriptorProto]{},
		services: map[string]located[*descriptorpb.ServiceDescriptorProto]{},
	}
	var addMessages func(file, prefix string, messages []*descriptorpb.DescriptorProto)
	addEnums := func(file, prefix string, enums []*descriptorpb.EnumDescriptorProto) {
		for _, e := range enums {
			defs.enums[prefix+"."+e.GetName()] = located[*descriptorpb.EnumDescriptorProto]{file, e}
		}
	}
	addMessages = func(file, prefix string, messages []*descriptorpb.DescriptorProto) {
		for _, m := range messages {
			name := prefix + "." + m.GetName()
			defs.messages[name] = located[*descriptorpb.DescriptorProto]{file, m}
			addMessages(file, name, m.NestedType)
			addEnums(file, name, m.EnumType)
		}
	}
	for _, f := range set.File {
		if !packages[f.GetPackage()] {
			continue
		}
		addMessages(f.GetName(), f.GetPackage(), f.MessageType)
		addEnums(f.GetName(), f.GetPackage(), f.EnumType)
		for _, s := range f.Service {
			defs.services[f.GetPackage()+"."+s.GetName()] = located[*descriptorpb.ServiceDescriptorProto]{f.GetName(), s}
		}
	}
	return defs, nil
}

func sortedKeys[T any](m map[string]T) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func (c *checker) compare(old, cur definitions) {
	for _, name := range sortedKeys(old.messages) {
		o := old.messages[name]
		n, ok := cur.messages[name]
		if !ok {
			c.report(o.file, "message "+name, "message removed or renamed")
			continue
		}
		c.compareMessage(o.file, name, o.desc, n.desc)
	}
	for _, name := range sortedKeys(old.enums) {
		o := old.enums[name]
		n, ok := cur.enums[name]
		if !ok {
			c.report(o.file, "enum "+name, "enum removed or renamed")
			continue
		}
		values := map[string]int32{}
		for _, v := range n.desc.Value {
			values[v.GetName()] = v.GetNumber()
		}
		for _, v := range o.desc.Value {
			number, ok := values[v.GetName()]
			switch {
			case !ok:
				c.report(o.file, "enum "+name, "value %s (%d) removed or renamed", v.GetName(), v.GetNumber())
			case number != v.GetNumber():
				c.report(o.file, "enum "+name, "value %s renumbered from %d to %d", v.GetName(), v.GetNumber(), number)
			}
		}
	}
	for _, name := range sortedKeys(old.services) {
		o := old.services[name]
		n, ok := cur.services[name]
		if !ok {
			c.report(o.file, "service "+name, "service removed or renamed")
			continue
		}
		methods := map[string]*descriptorpb.MethodDescriptorProto{}
		for _, m := range n.desc.Method {
			methods[m.GetName()] = m
		}
		for _, om := range o.desc.Method {
			where := "service " + name + ", method " + om.GetName()
			nm, ok := methods[om.GetName()]
			if !ok {
				c.report(o.file, where, "method removed or renamed")
				continue
			}
			if om.GetInputType() != nm.GetInputType() {
				c.report(o.file, where, "request type changed from %s to %s", strings.TrimPrefix(om.GetInputType(), "."), strings.TrimPrefix(nm.GetInputType(), "."))
			}
			if om.GetOutputType() != nm.GetOutputType() {
				c.report(o.file, where, "response type changed from %s to %s", strings.TrimPrefix(om.GetOutputType(), "."), strings.TrimPrefix(nm.GetOutputType(), "."))
			}
			if streaming(om) != streaming(nm) {
				c.report(o.file, where, "streaming changed from %s to %s", streaming(om), streaming(nm))
			}
		}
	}
}

func streaming(m *descriptorpb.MethodDescriptorProto) string {
	switch {
	case m.GetClientStreaming() && m.GetServerStreaming():
		return "bidirectional streaming"
	case m.GetClientStreaming():
		return "client streaming"
	case m.GetServerStreaming():
		return "server streaming"
	}
	return "unary"
}

func (c *checker) compareMessage(file, name string, old, cur *descriptorpb.DescriptorProto) {
	where := "message " + name
	byNumber := map[int32]*descriptorpb.FieldDescriptorProto{}
	byName := map[string]*descriptorpb.FieldDescriptorProto{}
	for _, f := range cur.Field {
		byNumber[f.GetNumber()] = f
		byName[f.GetName()] = f
	}
	for _, of := range old.Field {
		field := fmt.Sprintf("field %s = %d", of.GetName(), of.GetNumber())
		nf, ok := byNumber[of.GetNumber()]
		if renamed, found := byName[of.GetName()]; found && renamed.GetNumber() != of.GetNumber() {
			c.report(file, where, "%s renumbered to %d", field, renamed.GetNumber())
			continue
		}
		if !ok {
			c.report(file, where, "%s removed", field)
			continue
		}
		if nf.GetName() != of.GetName() {
			c.report(file, where, "%s renamed to %s", field, nf.GetName())
		}
		if fieldType(of) != fieldType(nf) {
			c.report(file, where, "%s: type changed from %s to %s", field, fieldType(of), fieldType(nf))
		}
		if repeated(of) != repeated(nf) {
			c.report(file, where, "%s: cardinality changed from %s to %s", field, cardinality(of), cardinality(nf))
		}
		if of.GetProto3Optional() != nf.GetProto3Optional() {
			c.report(file, where, "%s: presence changed (optional %v to %v)", field, of.GetProto3Optional(), nf.GetProto3Optional())
		} else if oneof(old, of) != oneof(cur, nf) {
			c.report(file, where, "%s: oneof changed from %q to %q", field, oneof(old, of), oneof(cur, nf))
		}
	}
	// Reserved numbers and names stay reserved, and no field may take one.
	for _, r := range old.ReservedRange {
		for number := r.GetStart(); number < r.GetEnd(); number++ {
			if !reservedNumber(cur, number) {
				c.report(file, where, "reserved number %d no longer reserved", number)
			}
			if f, ok := byNumber[number]; ok {
				c.report(file, where, "field %s uses reserved number %d", f.GetName(), number)
			}
			if number-r.GetStart() > 1000 {
				break // a huge range: checking its start is enough
			}
		}
	}
	for _, reserved := range old.ReservedName {
		found := false
		for _, n := range cur.ReservedName {
			found = found || n == reserved
		}
		if !found {
			c.report(file, where, "reserved name %q no longer reserved", reserved)
		}
	}
}

func fieldType(f *descriptorpb.FieldDescriptorProto) string {
	if f.GetTypeName() != "" {
		return strings.TrimPrefix(f.GetTypeName(), ".")
	}
	return strings.ToLower(strings.TrimPrefix(f.GetType().String(), "TYPE_"))
}

func repeated(f *descriptorpb.FieldDescriptorProto) bool {
	return f.GetLabel() == descriptorpb.FieldDescriptorProto_LABEL_REPEATED
}

func cardinality(f *descriptorpb.FieldDescriptorProto) string {
	if repeated(f) {
		return "repeated"
	}
	return "singular"
}

// oneof names the real oneof a field belongs to ("" for none; a proto3 optional's synthetic oneof is not one).
func oneof(m *descriptorpb.DescriptorProto, f *descriptorpb.FieldDescriptorProto) string {
	if f.OneofIndex == nil || f.GetProto3Optional() {
		return ""
	}
	return m.OneofDecl[f.GetOneofIndex()].GetName()
}

func reservedNumber(m *descriptorpb.DescriptorProto, number int32) bool {
	for _, r := range m.ReservedRange {
		if number >= r.GetStart() && number < r.GetEnd() {
			return true
		}
	}
	return false
}

func main() {
	released := flag.String("released", "", "descriptor set of the last release")
	current := flag.String("current", "", "descriptor set of the proto files as they are now")
	packageList := flag.String("package", "jiefen.v1", "comma-separated proto packages to check")
	flag.Parse()
	if *released == "" || *current == "" || flag.NArg() != 0 {
		fmt.Fprintln(os.Stderr, "usage: proto-compat -released OLD.binpb -current NEW.binpb [-package jiefen.v1]")
		os.Exit(2)
	}
	packages := map[string]bool{}
	for _, p := range strings.Split(*packageList, ",") {
		packages[strings.TrimSpace(p)] = true
	}
	old, err := load(*released, packages)
	if err == nil && len(old.messages)+len(old.services) == 0 {
		err = fmt.Errorf("%s declares nothing in package %s", *released, *packageList)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "proto-compat: %v\n", err)
		os.Exit(2)
	}
	cur, err := load(*current, packages)
	if err != nil {
		fmt.Fprintf(os.Stderr, "proto-compat: %v\n", err)
		os.Exit(2)
	}
	var c checker
	c.compare(old, cur)
	for _, p := range c.problems {
		fmt.Printf("%s: %s: %s\n", p.file, p.where, p.what)
	}
	if len(c.problems) > 0 {
		fmt.Printf("%d breaking changes to %s against the released descriptor set %s\n", len(c.problems), *packageList, *released)
		os.Exit(1)
	}
	fmt.Printf("no breaking changes to %s against %s\n", *packageList, *released)
}
