"""NLP stage: the spaCy pipeline with our rulers and segmentation."""
