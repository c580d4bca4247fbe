"""Geo stage: offline gazetteer, toponym finding and place resolution."""
