"""Image files: load/save, DirectoryIterator, DataFrameIterator."""
import io
import os
import sys

import numpy as np
import pytest

from keras22 import backend as K
from keras22.preprocessing import image

Image = pytest.importorskip('PIL.Image')

RED, GREEN, BLUE = (255, 0, 0), (0, 255, 0), (0, 0, 255)


def write(path, color, size=(6, 4), mode='RGB'):
    """A solid image; size is (width, height) as Pillow has it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new(mode, size, color).save(str(path))
    return path


@pytest.fixture
def tree(tmp_path):
    """cats: 4 PNG (red) + 1 JPEG in a subfolder; dogs: 4 JPEG (blue)."""
    root = tmp_path / 'data'
    for i in range(4):
        write(root / 'cats' / ('c%d.png' % i), RED)
        write(root / 'dogs' / ('d%d.jpg' % i), BLUE, size=(8, 8))
    write(root / 'cats' / 'more' / 'c9.jpeg', RED)
    (root / 'cats' / 'notes.txt').write_text('not an image')
    (root / 'stray.png').write_bytes(b'')  # not in a class folder
    return root


def flow(root, **kwargs):
    kwargs.setdefault('target_size', (4, 4))
    kwargs.setdefault('shuffle', False)
    gen = image.ImageDataGenerator(
        validation_split=kwargs.pop('validation_split', 0.0),
        data_format=kwargs.pop('data_format', None))
    return gen.flow_from_directory(str(root), **kwargs)


# --------------------------------------------------------------------------
# load_img, img_to_array, array_to_img, save_img

def test_load_img_color_modes_and_resize(tmp_path):
    path = str(write(tmp_path / 'red.png', RED, size=(6, 4)))
    img = image.load_img(path)
    assert img.mode == 'RGB' and img.size == (6, 4)
    np.testing.assert_array_equal(image.img_to_array(img)[0, 0], RED)
    gray = image.load_img(path, color_mode='grayscale', target_size=(2, 3))
    assert gray.mode == 'L' and gray.size == (3, 2)
    # ITU-R 601 luma of pure red: 255 * 0.299.
    np.testing.assert_array_equal(image.img_to_array(gray), 76.)
    assert image.load_img(path, color_mode='rgba').mode == 'RGBA'
    with pytest.warns(UserWarning, match='grayscale'):
        assert image.load_img(path, grayscale=True).mode == 'L'
    resized = image.load_img(path, target_size=(8, 8),
                             interpolation='bilinear')
    assert resized.size == (8, 8)


def test_load_img_argument_errors(tmp_path):
    path = str(write(tmp_path / 'red.png', RED))
    with pytest.raises(ValueError, match='color_mode'):
        image.load_img(path, color_mode='cmyk')
    with pytest.raises(ValueError, match='interpolation'):
        image.load_img(path, target_size=(2, 2), interpolation='cubic')
    # Without a resize the interpolation is unused and, as in Keras 2.2,
    # not checked.
    assert image.load_img(path, interpolation='cubic').size == (6, 4)
    with pytest.raises(ValueError, match='target_size'):
        image.load_img(path, target_size=(0, 3))


def test_missing_pillow_is_named(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, 'PIL', None)
    with pytest.raises(ImportError, match='Pillow'):
        image.load_img(str(tmp_path / 'x.png'))
    with pytest.raises(ImportError, match='Pillow'):
        image.array_to_img(np.zeros((2, 2, 3)))


def test_img_to_array_formats_and_dtype():
    img = Image.new('RGB', (3, 2), GREEN)
    assert image.img_to_array(img).shape == (2, 3, 3)
    x = image.img_to_array(img, data_format='channels_first', dtype='uint8')
    assert x.shape == (3, 2, 3) and x.dtype == np.uint8
    assert image.img_to_array(Image.new('L', (3, 2))).shape == (2, 3, 1)
    K.set_image_data_format('channels_first')
    assert image.img_to_array(Image.new('L', (3, 2))).shape == (1, 2, 3)
    with pytest.raises(ValueError, match='data_format'):
        image.img_to_array(img, data_format='nhwc')
    with pytest.raises(ValueError, match='rank 2 or 3'):
        image.img_to_array(np.zeros(4))


def test_array_to_img_scaling_and_modes():
    x = np.array([[[0.], [0.5]], [[1.], [0.25]]])
    img = image.array_to_img(x)
    assert img.mode == 'L'
    np.testing.assert_array_equal(np.asarray(img), [[0, 127], [255, 63]])
    shifted = image.array_to_img(x - 1)  # [-1, 0] moves up to [0, 1]
    np.testing.assert_array_equal(np.asarray(shifted), [[0, 127], [255, 63]])
    raw = image.array_to_img(np.array([[[300.]], [[-5.]]]) * np.ones(3),
                             scale=False)
    assert raw.mode == 'RGB'
    np.testing.assert_array_equal(np.asarray(raw)[:, 0, 0], [255, 0])
    wide = image.array_to_img(np.full((2, 2, 1), 1000.), scale=False)
    assert wide.mode == 'I' and np.asarray(wide)[0, 0] == 1000
    rgba = image.array_to_img(np.ones((4, 2, 2)),
                              data_format='channels_first')
    assert rgba.mode == 'RGBA' and rgba.size == (2, 2)
    with pytest.raises(ValueError, match='channels'):
        image.array_to_img(np.zeros((2, 2, 2)))
    with pytest.raises(ValueError, match='rank 3'):
        image.array_to_img(np.zeros((2, 2)))


def test_save_img_round_trip_is_atomic(tmp_path):
    x = np.zeros((3, 5, 3))
    x[:, :, 1] = 255
    path = tmp_path / 'green.png'
    image.save_img(str(path), x)
    assert os.listdir(str(tmp_path)) == ['green.png']
    np.testing.assert_array_equal(image.img_to_array(image.load_img(
        str(path))), x)
    image.save_img(path, x * 0, scale=False)  # replaces, path-like accepted
    assert os.listdir(str(tmp_path)) == ['green.png']
    # The permissions are those of a file written directly.
    (tmp_path / 'plain').write_bytes(b'')
    plain = os.stat(str(tmp_path / 'plain')).st_mode
    assert os.stat(str(path)).st_mode == plain
    assert image.img_to_array(image.load_img(str(path))).max() == 0


def test_save_img_formats(tmp_path):
    rgba = np.full((4, 4, 4), 200.)
    with pytest.warns(UserWarning, match='alpha'):
        image.save_img(str(tmp_path / 'a.jpg'), rgba, scale=False)
    image.save_img(str(tmp_path / 'b.img'), rgba, file_format='png')
    for name, fmt in (('a.jpg', 'JPEG'), ('b.img', 'PNG')):
        with Image.open(str(tmp_path / name)) as img:
            assert img.format == fmt
    stream = io.BytesIO()
    with pytest.warns(UserWarning, match='alpha'):
        image.save_img(stream, rgba, file_format='jpg')
    assert stream.getvalue()[:2] == b'\xff\xd8'  # JPEG start marker
    with pytest.raises(ValueError, match='file_format'):
        image.save_img(io.BytesIO(), rgba)
    with pytest.raises(ValueError, match='file_format'):
        image.save_img(str(tmp_path / 'c.unknown'), rgba)
    assert sorted(os.listdir(str(tmp_path))) == ['a.jpg', 'b.img']


# --------------------------------------------------------------------------
# flow_from_directory

def test_directory_listing_classes_and_filenames(tree, capsys):
    it = flow(tree)
    assert 'Found 9 images belonging to 2 classes.' in capsys.readouterr().out
    assert isinstance(it, image.DirectoryIterator)
    assert it.class_indices == {'cats': 0, 'dogs': 1}
    assert it.num_classes == 2 and it.samples == 9
    assert it.filenames == [os.path.join('cats', 'c%d.png' % i)
                            for i in range(4)] + \
        [os.path.join('cats', 'more', 'c9.jpeg')] + \
        [os.path.join('dogs', 'd%d.jpg' % i) for i in range(4)]
    np.testing.assert_array_equal(it.classes, [0] * 5 + [1] * 4)
    assert it.classes.dtype == np.int32


def test_directory_class_modes(tree):
    x, y = flow(tree, batch_size=9)[0]
    assert x.shape == (9, 4, 4, 3)
    np.testing.assert_array_equal(y, [[1, 0]] * 5 + [[0, 1]] * 4)
    np.testing.assert_array_equal(x[0, 0, 0], RED)
    np.testing.assert_allclose(x[8, 0, 0], BLUE, atol=3)  # JPEG
    _, y = flow(tree, batch_size=9, class_mode='binary')[0]
    assert y.dtype == np.float32
    np.testing.assert_array_equal(y, [0] * 5 + [1] * 4)
    _, y = flow(tree, batch_size=9, class_mode='sparse')[0]
    np.testing.assert_array_equal(y, [0] * 5 + [1] * 4)
    x, y = flow(tree, batch_size=3, class_mode='input')[0]
    np.testing.assert_array_equal(x, y)
    only_x = flow(tree, batch_size=3, class_mode=None)[0]
    assert isinstance(only_x, np.ndarray) and only_x.shape == (3, 4, 4, 3)
    with pytest.raises(ValueError, match='class_mode'):
        flow(tree, class_mode='multi')


@pytest.mark.parametrize('color_mode, channels', [
    ('grayscale', 1), ('rgb', 3), ('rgba', 4)])
def test_directory_color_modes(tree, color_mode, channels):
    x, _ = flow(tree, color_mode=color_mode, batch_size=2)[0]
    assert x.shape == (2, 4, 4, channels)
    x, _ = flow(tree, color_mode=color_mode, batch_size=2,
                data_format='channels_first', target_size=(3, 5))[0]
    assert x.shape == (2, channels, 3, 5)


def test_directory_explicit_classes(tree):
    it = flow(tree, classes=['dogs', 'cats'])
    assert it.class_indices == {'dogs': 0, 'cats': 1}
    assert it.filenames[0] == os.path.join('dogs', 'd0.jpg')
    np.testing.assert_array_equal(it.classes, [0] * 4 + [1] * 5)
    only = flow(tree, classes=['dogs'])
    assert only.samples == 4 and only.num_classes == 1
    with pytest.raises(FileNotFoundError, match='birds'):
        flow(tree, classes=['birds'])
    with pytest.raises(FileNotFoundError, match='directory'):
        flow(tree / 'missing')


def test_directory_subsets(tree):
    val = flow(tree, validation_split=0.5, subset='validation')
    train = flow(tree, validation_split=0.5, subset='training')
    # Per class, validation takes the first int(0.5 * n) files.
    assert val.filenames == [os.path.join('cats', 'c0.png'),
                             os.path.join('cats', 'c1.png'),
                             os.path.join('dogs', 'd0.jpg'),
                             os.path.join('dogs', 'd1.jpg')]
    assert train.samples == 5
    assert not set(val.filenames) & set(train.filenames)
    np.testing.assert_array_equal(val.classes, [0, 0, 1, 1])


def test_directory_follow_links(tree, tmp_path):
    outside = tmp_path / 'outside'
    write(outside / 'x.png', GREEN)
    try:
        os.symlink(str(outside), str(tree / 'dogs' / 'linked'))
    except (OSError, NotImplementedError):
        pytest.skip('symbolic links are not available')
    assert flow(tree).samples == 9
    assert flow(tree, follow_links=True).samples == 10


def test_directory_save_to_dir_and_shuffle(tree, tmp_path):
    out = tmp_path / 'saved'
    out.mkdir()
    it = flow(tree, batch_size=3, shuffle=True, seed=1, save_to_dir=str(out),
              save_prefix='dir', save_format='jpeg')
    x, y = next(it)
    assert x.shape == (3, 4, 4, 3)
    names = os.listdir(str(out))
    assert len(names) == 3
    assert all(n.startswith('dir_') and n.endswith('.jpeg') for n in names)
    first_epoch = [tuple(it.index_array)]
    assert sorted(first_epoch[0]) == list(range(9))


# --------------------------------------------------------------------------
# flow_from_dataframe

@pytest.fixture
def frame_dir(tmp_path):
    root = tmp_path / 'frames'
    write(root / 'b.png', RED)
    write(root / 'a.png', BLUE)
    write(root / 'c.jpg', GREEN)
    write(root / 'unlisted.png', GREEN)
    return root


def test_dataframe_categorical(frame_dir, capsys):
    pd = pytest.importorskip('pandas')
    df = pd.DataFrame({'filename': ['b.png', 'a.png', 'c.jpg', 'gone.png',
                                    'a.png'],
                       'class': ['red', 'blue', 'green', 'red', 'blue'],
                       'score': [1., 2., 3., 4., 5.]})
    gen = image.ImageDataGenerator()
    it = gen.flow_from_dataframe(df, str(frame_dir), target_size=(4, 6),
                                 shuffle=False, batch_size=3)
    assert 'Found 3 images belonging to 3 classes.' in capsys.readouterr().out
    assert it.class_indices == {'blue': 0, 'green': 1, 'red': 2}
    # Sorted like a directory listing; missing files are skipped.
    assert it.filenames == ['a.png', 'b.png', 'c.jpg']
    np.testing.assert_array_equal(it.classes, [0, 2, 1])
    x, y = it[0]
    assert x.shape == (3, 4, 6, 3)
    np.testing.assert_array_equal(y, [[1, 0, 0], [0, 0, 1], [0, 1, 0]])
    np.testing.assert_array_equal(x[1, 0, 0], RED)


def test_dataframe_other_modes_and_extensionless_names(frame_dir):
    pd = pytest.importorskip('pandas')
    df = pd.DataFrame({'id': ['c', 'b'], 'score': [3., 1.],
                       'size': [30., 10.]})
    gen = image.ImageDataGenerator()
    it = gen.flow_from_dataframe(df, str(frame_dir), x_col='id',
                                 y_col='score', has_ext=False,
                                 class_mode='other', shuffle=False,
                                 target_size=(2, 2))
    assert it.filenames == ['b.png', 'c.jpg']
    _, y = it[0]
    np.testing.assert_array_equal(y, [1., 3.])
    it = gen.flow_from_dataframe(df, str(frame_dir), x_col='id',
                                 y_col=['score', 'size'], has_ext=False,
                                 class_mode='other', shuffle=False,
                                 target_size=(2, 2))
    np.testing.assert_array_equal(it[0][1], [[1., 10.], [3., 30.]])
    x = gen.flow_from_dataframe(df, str(frame_dir), x_col='id',
                                has_ext=False, class_mode=None,
                                target_size=(2, 2))[0]
    assert x.shape == (2, 2, 2, 3)


def test_dataframe_subset_classes_and_full_paths(frame_dir):
    pd = pytest.importorskip('pandas')
    names = ['a.png', 'b.png', 'c.jpg', 'unlisted.png']
    df = pd.DataFrame({'filename': [str(frame_dir / n) for n in names],
                       'class': ['x', 'y', 'x', 'y']})
    gen = image.ImageDataGenerator(validation_split=0.5)
    val = gen.flow_from_dataframe(df, None, subset='validation',
                                  shuffle=False, target_size=(2, 2))
    train = gen.flow_from_dataframe(df, None, subset='training',
                                    shuffle=False, target_size=(2, 2))
    assert [os.path.basename(f) for f in val.filenames] == ['a.png', 'b.png']
    assert [os.path.basename(f) for f in train.filenames] == \
        ['c.jpg', 'unlisted.png']
    assert val.class_indices == train.class_indices == {'x': 0, 'y': 1}
    only_y = gen.flow_from_dataframe(df, None, classes=['y'],
                                     class_mode='sparse', shuffle=False,
                                     target_size=(2, 2))
    assert only_y.samples == 2
    np.testing.assert_array_equal(only_y[0][1], [0, 0])


def test_dataframe_argument_errors(frame_dir):
    pd = pytest.importorskip('pandas')
    df = pd.DataFrame({'filename': ['a'], 'class': ['x']})
    gen = image.ImageDataGenerator()
    with pytest.raises(ValueError, match='has_ext'):
        gen.flow_from_dataframe(df, str(frame_dir))
    with pytest.raises(ValueError, match='label'):
        gen.flow_from_dataframe(df, str(frame_dir), y_col='label',
                                has_ext=False)
    with pytest.raises(ValueError, match='classes'):
        gen.flow_from_dataframe(df, str(frame_dir), classes=['x'],
                                class_mode='other', has_ext=False)
    with pytest.raises(ValueError, match='class_mode'):
        gen.flow_from_dataframe(df, str(frame_dir), class_mode='onehot')


def test_dataframe_without_pandas_names_it(monkeypatch, frame_dir):
    monkeypatch.setitem(sys.modules, 'pandas', None)
    with pytest.raises(ImportError, match='pandas'):
        image.ImageDataGenerator().flow_from_dataframe(object(),
                                                       str(frame_dir))
