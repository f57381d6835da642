#!/usr/bin/perl
# Prints each failed test of a .trx file with the first lines of its message, so the end of a long log names what failed.
use strict;
use warnings;

local $/;
my $trx = <>;
my $shown = 0;
while ($trx =~ m{<UnitTestResult\b([^>]*?)(?:/>|>(.*?)</UnitTestResult>)}gs) {
  my ($attributes, $body) = ($1, $2 // '');
  next unless $attributes =~ /\boutcome="Failed"/;
  my ($name) = $attributes =~ /\btestName="([^"]*)"/;
  my ($message) = $body =~ m{<Message>(.*?)</Message>}s;
  my ($stack) = $body =~ m{<StackTrace>(.*?)</StackTrace>}s;
  for ($name, $message, $stack) {
    next unless defined;
    s/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g; s/&apos;/'/g; s/&#xD;//g; s/&#xA;/\n/g; s/&amp;/&/g;
  }
  print "FAILED: $name\n";
  print map { "  $_\n" } grep { length } (split /\n/, $message // '')[0 .. 11];
  print map { "  $_\n" } grep { length } (split /\n/, $stack // '')[0 .. 7];
  $shown++;
}
exit 0;
