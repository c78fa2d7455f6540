//! Native modules.
