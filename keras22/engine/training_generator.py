"""Loops behind fit_generator, evaluate_generator and predict_generator."""


def fit_generator(model, generator, **kwargs):
    raise NotImplementedError('fit_generator is not available yet.')


def evaluate_generator(model, generator, **kwargs):
    raise NotImplementedError('evaluate_generator is not available yet.')


def predict_generator(model, generator, **kwargs):
    raise NotImplementedError('predict_generator is not available yet.')
